import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OneTimeCode,
  OTP_RULES,
  OtpExpiredError,
  OtpInvalidError,
} from '../../../src/domain/identity/one-time-code.js';

const t0 = new Date('2026-01-01T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const issue = () => OneTimeCode.issue('PATIENT_LOGIN', '+919876543210', 'hash', 'Asha', t0);

describe('OneTimeCode', () => {
  it('is valid for 300 seconds', () => {
    const code = issue();
    expect(code.expiresAt).toEqual(at(OTP_RULES.ttlSeconds));
    expect(code.isUsable(at(299))).toBe(true);
    expect(code.isUsable(at(300))).toBe(false);
    expect(() => code.attempt(true, at(300))).toThrow(OtpExpiredError);
  });

  it('is consumed by a match and then refuses everything', () => {
    const code = issue();
    code.attempt(true, at(10));
    expect(code.consumedAt).toEqual(at(10));
    expect(() => code.attempt(true, at(11))).toThrow(OtpExpiredError);
  });

  it('counts misses: the 5th still says INVALID_OTP, then the code is burned', () => {
    const code = issue();
    for (let i = 1; i <= OTP_RULES.maxWrongAttempts; i += 1) {
      expect(() => code.attempt(false, at(i))).toThrow(OtpInvalidError);
      expect(code.wrongAttempts).toBe(i);
    }
    expect(() => code.attempt(true, at(6))).toThrow(OtpExpiredError);
  });

  it('reissuing replaces the hash and resets every counter', () => {
    const code = issue();
    expect(() => code.attempt(false, at(1))).toThrow(OtpInvalidError);
    code.attempt(true, at(2));
    code.reissue('new-hash', null, at(100));
    expect(code).toMatchObject({ codeHash: 'new-hash', wrongAttempts: 0, consumedAt: null, fullName: null });
    expect(code.expiresAt).toEqual(at(400));
    expect(code.isUsable(at(101))).toBe(true);
  });

  it('property: whatever the attempts, at most one succeeds, never after 5 misses or after expiry', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ matches: fc.boolean(), second: fc.integer({ min: 0, max: 400 }) }), {
          maxLength: 20,
        }),
        (attempts) => {
          const code = issue();
          let successes = 0;
          let misses = 0;
          const sorted = [...attempts].sort((a, b) => a.second - b.second);
          for (const attempt of sorted) {
            const missesBefore = misses;
            try {
              code.attempt(attempt.matches, at(attempt.second));
              successes += 1;
              expect(attempt.second).toBeLessThan(OTP_RULES.ttlSeconds);
              expect(missesBefore).toBeLessThan(OTP_RULES.maxWrongAttempts);
            } catch (error) {
              if (error instanceof OtpInvalidError) misses += 1;
            }
          }
          expect(successes).toBeLessThanOrEqual(1);
          expect(misses).toBeLessThanOrEqual(OTP_RULES.maxWrongAttempts);
        },
      ),
    );
  });
});
