import { PhoneNumber } from '../../../domain/shared/phone-number.js';
import type { WhatsAppSender } from '../../messaging/ports/outbound-message.js';
import type { OtpChallenges } from '../otp-challenges.js';
import { otpMessage } from '../otp-message.js';

export interface SendPatientOtp {
  phone: string;
  fullName?: string | undefined;
}

/** Patients sign up and sign in with the same code, sent on WhatsApp. */
export class SendPatientOtpHandler {
  constructor(
    private readonly otps: OtpChallenges,
    private readonly whatsapp: WhatsAppSender,
  ) {}

  async execute(input: SendPatientOtp): Promise<{ phone: string }> {
    const phone = PhoneNumber.parse(input.phone).e164;
    const code = await this.otps.issue('PATIENT_LOGIN', phone, input.fullName?.trim() || null);
    await this.whatsapp.send(otpMessage(phone, code));
    return { phone };
  }
}
