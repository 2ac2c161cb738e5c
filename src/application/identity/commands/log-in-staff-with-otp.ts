import { OtpInvalidError } from '../../../domain/identity/one-time-code.js';
import type { StaffUser } from '../../../domain/identity/staff-user.js';
import { PhoneNumber } from '../../../domain/shared/phone-number.js';
import type { OtpChallenges } from '../otp-challenges.js';
import type { StaffUserRepository } from '../ports/identity-repositories.js';
import type { IssuedTokens, SessionIssuer } from '../session-issuer.js';

export interface LogInStaffWithOtp {
  phone: string;
  otp: string;
}

export class LogInStaffWithOtpHandler {
  constructor(
    private readonly staff: StaffUserRepository,
    private readonly otps: OtpChallenges,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(input: LogInStaffWithOtp): Promise<IssuedTokens & { user: StaffUser }> {
    const phone = PhoneNumber.parse(input.phone).e164;
    return this.otps.redeem('STAFF_LOGIN', phone, input.otp, async () => {
      const user = await this.staff.findByPhone(phone);
      // An account deactivated after its code was sent: same answer as an unknown phone.
      if (!user?.canLogIn()) throw new OtpInvalidError();
      return { user, ...(await this.sessions.open('staff', user.id)) };
    });
  }
}
