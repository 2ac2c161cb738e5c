import { OTP_RULES } from '../../domain/identity/one-time-code.js';
import type { OutboundMessage } from '../messaging/ports/outbound-message.js';

/** Discreet wording: nothing in it says what the clinic treats. */
export function otpMessage(to: string, code: string): OutboundMessage {
  const minutes = String(OTP_RULES.ttlSeconds / 60);
  return {
    to,
    template: 'otp',
    text: `${code} is your Mibo verification code. It expires in ${minutes} minutes. Do not share it with anyone.`,
    params: { code, minutes },
  };
}
