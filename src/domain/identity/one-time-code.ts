import { DomainError } from '../shared/domain-error.js';

export type OtpPurpose = 'STAFF_LOGIN' | 'PATIENT_LOGIN';

/** The rules of the spec: 6 digits, valid 300 s, single use, burned after 5 wrong tries. */
export const OTP_RULES = { digits: 6, ttlSeconds: 300, maxWrongAttempts: 5 } as const;

export class OtpInvalidError extends DomainError {
  constructor() {
    super('INVALID_OTP', 'Invalid OTP');
  }
}

export class OtpExpiredError extends DomainError {
  constructor() {
    super('OTP_EXPIRED', 'OTP has expired. Please request a new one');
  }
}

/**
 * The hash of a code sent to one phone for one purpose. A new code for the same phone and purpose
 * replaces the old one (see `reissue`), so at most one code is live at a time.
 */
export class OneTimeCode {
  id!: number;
  purpose!: OtpPurpose;
  phone!: string;
  codeHash!: string;
  expiresAt!: Date;
  wrongAttempts!: number;
  consumedAt!: Date | null;
  /** For patient sign-up: the name given with send-otp, used when the first verify creates the patient. */
  fullName!: string | null;
  createdAt!: Date;

  private constructor() {}

  static issue(purpose: OtpPurpose, phone: string, codeHash: string, fullName: string | null, now: Date) {
    const code = new OneTimeCode();
    code.purpose = purpose;
    code.phone = phone;
    code.reissue(codeHash, fullName, now);
    return code;
  }

  reissue(codeHash: string, fullName: string | null, now: Date): void {
    this.codeHash = codeHash;
    this.fullName = fullName;
    this.expiresAt = new Date(now.getTime() + OTP_RULES.ttlSeconds * 1000);
    this.wrongAttempts = 0;
    this.consumedAt = null;
    this.createdAt = now;
  }

  isUsable(now: Date): boolean {
    return (
      this.consumedAt === null &&
      this.wrongAttempts < OTP_RULES.maxWrongAttempts &&
      now.getTime() < this.expiresAt.getTime()
    );
  }

  /**
   * Records one attempt whose code did or did not match. A match consumes the code; a miss counts
   * towards the 5 that burn it. Throws the spec's error for every failed attempt.
   */
  attempt(matches: boolean, now: Date): void {
    if (!this.isUsable(now)) throw new OtpExpiredError();
    if (matches) {
      this.consumedAt = now;
      return;
    }
    // The miss that reaches the limit still answers INVALID_OTP; the burned code answers OTP_EXPIRED.
    this.wrongAttempts += 1;
    throw new OtpInvalidError();
  }
}
