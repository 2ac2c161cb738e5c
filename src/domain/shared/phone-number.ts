import { InvalidValueError } from './domain-error.js';

const INDIAN_MOBILE = /^[6-9]\d{9}$/;

/**
 * A phone number in E.164. Indian numbers are accepted in the forms people type them
 * ("98765 43210", "098765-43210", "+91 98765 43210", "0091…") and become "+919876543210".
 * Other countries' numbers must already be in E.164.
 */
export class PhoneNumber {
  private constructor(readonly e164: string) {}

  static parse(raw: string, field = 'phone'): PhoneNumber {
    const normalised = PhoneNumber.normalise(raw);
    if (normalised === undefined) throw new InvalidValueError(field, 'Invalid phone number');
    return new PhoneNumber(normalised);
  }

  static normalise(raw: string): string | undefined {
    const compact = raw.trim().replace(/[\s\-().]/g, '');
    let digits: string;
    if (compact.startsWith('+')) digits = compact.slice(1);
    else if (compact.startsWith('00')) digits = compact.slice(2);
    else digits = compact;
    if (!/^\d+$/.test(digits)) return undefined;
    const national = PhoneNumber.indianNational(digits, compact.startsWith('+') || compact.startsWith('00'));
    if (national !== undefined) return `+91${national}`;
    if (compact.startsWith('+') || compact.startsWith('00')) {
      return /^[1-9]\d{7,14}$/.test(digits) && !digits.startsWith('91') ? `+${digits}` : undefined;
    }
    return undefined;
  }

  private static indianNational(digits: string, international: boolean): string | undefined {
    if (international) {
      return digits.startsWith('91') && INDIAN_MOBILE.test(digits.slice(2)) ? digits.slice(2) : undefined;
    }
    if (INDIAN_MOBILE.test(digits)) return digits;
    if (digits.length === 11 && digits.startsWith('0') && INDIAN_MOBILE.test(digits.slice(1))) {
      return digits.slice(1);
    }
    if (digits.length === 12 && digits.startsWith('91') && INDIAN_MOBILE.test(digits.slice(2))) {
      return digits.slice(2);
    }
    return undefined;
  }

  toString(): string {
    return this.e164;
  }
}
