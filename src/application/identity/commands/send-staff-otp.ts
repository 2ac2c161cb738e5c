import { PhoneNumber } from '../../../domain/shared/phone-number.js';
import type { SmsSender } from '../../messaging/ports/outbound-message.js';
import type { OtpChallenges } from '../otp-challenges.js';
import { otpMessage } from '../otp-message.js';
import type { StaffUserRepository } from '../ports/identity-repositories.js';

export interface SendStaffOtp {
  phone: string;
}

/** Answers the same whether or not the phone belongs to staff; a code is sent only when it does. */
export class SendStaffOtpHandler {
  constructor(
    private readonly staff: StaffUserRepository,
    private readonly otps: OtpChallenges,
    private readonly sms: SmsSender,
  ) {}

  async execute(input: SendStaffOtp): Promise<{ phone: string }> {
    const phone = PhoneNumber.parse(input.phone).e164;
    const user = await this.staff.findByPhone(phone);
    if (user?.canLogIn()) {
      const code = await this.otps.issue('STAFF_LOGIN', phone);
      await this.sms.send(otpMessage(phone, code));
    }
    return { phone };
  }
}
