import { randomInt } from 'node:crypto';
import type { OtpGenerator } from '../../application/identity/ports/secret-hasher.js';
import { OTP_RULES } from '../../domain/identity/one-time-code.js';

export class RandomOtpGenerator implements OtpGenerator {
  generate(): string {
    return String(randomInt(0, 10 ** OTP_RULES.digits)).padStart(OTP_RULES.digits, '0');
  }
}
