import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../../src/domain/shared/domain-error.js';
import { PhoneNumber } from '../../../src/domain/shared/phone-number.js';

describe('PhoneNumber', () => {
  it.each([
    '+919876543210',
    '+91 98765 43210',
    '+91-98765-43210',
    '919876543210',
    '09876543210',
    '9876543210',
    '98765 43210',
    '(98765) 43210',
    '0091 98765 43210',
  ])('normalises the Indian format %s to E.164', (raw) => {
    expect(PhoneNumber.parse(raw).e164).toBe('+919876543210');
  });

  it.each(['12345', '5876543210', '+91 5876543210', 'abc', '', '+', '98765432101', '+91987654321'])(
    'refuses %s',
    (raw) => {
      expect(PhoneNumber.normalise(raw)).toBeUndefined();
      expect(() => PhoneNumber.parse(raw)).toThrow(InvalidValueError);
    },
  );

  it('keeps other countries in E.164', () => {
    expect(PhoneNumber.parse('+44 20 7946 0958').e164).toBe('+442079460958');
  });

  it('property: every way of writing an Indian mobile gives the same E.164, and normalising is idempotent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 9 }),
        fc.stringMatching(/^\d{9}$/),
        fc.constantFrom('', '0', '91', '+91', '+91 ', '0091'),
        fc.constantFrom('', ' ', '-'),
        (first, rest, prefix, separator) => {
          const national = `${first}${rest}`;
          const written = `${prefix}${national.slice(0, 5)}${separator}${national.slice(5)}`;
          const e164 = PhoneNumber.normalise(written);
          expect(e164).toBe(`+91${national}`);
          expect(PhoneNumber.normalise(e164!)).toBe(e164);
        },
      ),
    );
  });
});
