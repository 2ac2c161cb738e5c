import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from '../../../src/domain/identity/common-passwords.js';
import {
  assertAcceptablePassword,
  passwordProblems,
  PASSWORD_RULES,
  WeakPasswordError,
} from '../../../src/domain/identity/password-policy.js';

const owner = { phone: '+919876543210', username: 'asha.rao', email: 'Asha.Rao@example.com' };

describe('password policy', () => {
  it('accepts a long, uncommon passphrase', () => {
    expect(passwordProblems('velvet-monsoon-lantern', owner)).toEqual([]);
    expect(passwordProblems('SecurePassword123', owner)).toEqual([]);
  });

  it(`refuses anything shorter than ${PASSWORD_RULES.minLength} characters`, () => {
    expect(passwordProblems('Xk9#mq2!v', owner)).toEqual(['Must be at least 10 characters']);
    // counted in characters, not UTF-16 units
    expect(passwordProblems('😀😀😀😀😀😀😀😀😀', owner)).toContain('Must be at least 10 characters');
  });

  it('refuses common passwords whatever their case', () => {
    for (const common of ['password123', 'Password@123', 'QWERTYUIOP', 'iloveyou123', 'Welcome@123']) {
      expect(passwordProblems(common, owner), common).toContain('Is a commonly used password');
    }
  });

  it('ships a list of thousands, lower-case, one entry per line', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(3000);
    const long = [...COMMON_PASSWORDS].filter((p) => p.length >= PASSWORD_RULES.minLength);
    expect(long.length).toBeGreaterThan(2000);
    for (const entry of COMMON_PASSWORDS) expect(entry).toBe(entry.trim().toLowerCase());
  });

  it('every listed password long enough to pass the length rule is still refused', () => {
    const long = [...COMMON_PASSWORDS].filter((p) => p.length >= PASSWORD_RULES.minLength);
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.boolean(), (entry, upper) => {
        const candidate = upper ? entry.toUpperCase() : entry;
        expect(passwordProblems(candidate, owner)).toContain('Is a commonly used password');
      }),
    );
  });

  it("refuses the account's own phone, username or email", () => {
    const mine = "Must not be the account's phone, username or email";
    const longName = { ...owner, username: 'asha.rao.clinic' };
    expect(passwordProblems('asha.rao.clinic', longName)).toContain(mine);
    expect(passwordProblems('ASHA.RAO@EXAMPLE.COM', owner)).toContain(mine);
    expect(passwordProblems('+919876543210', owner)).toContain(mine);
    expect(passwordProblems('919876543210', owner)).toContain(mine);
    expect(passwordProblems('9876543210', owner)).toContain(mine);
    expect(passwordProblems('velvet-monsoon-lantern', { ...owner, username: null, email: null })).toEqual([]);
  });

  it('refuses a run of one or two characters', () => {
    expect(passwordProblems('abababababab', owner)).toEqual(['Is too repetitive']);
  });

  it('throws a VALIDATION_ERROR naming every problem under `password`', () => {
    let error: unknown;
    try {
      assertAcceptablePassword('9876543210', owner);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WeakPasswordError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR' });
    const details = (error as WeakPasswordError).details as { password: string };
    expect(details.password).toContain('commonly used');
    expect(details.password).toContain("account's phone");
  });

  it('any password of 10+ distinct-enough characters that is not listed and not an identifier passes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 10, maxLength: 40 }), (candidate) => {
        const folded = candidate.trim().toLowerCase();
        fc.pre(!COMMON_PASSWORDS.has(folded) && new Set(folded).size >= 4);
        fc.pre([...candidate].length >= 10 && folded !== owner.username && !folded.includes('@'));
        expect(passwordProblems(candidate, owner)).toEqual([]);
      }),
    );
  });
});
