import * as v from 'valibot';
import { PhoneNumber } from '../../../domain/shared/phone-number.js';

/** Building blocks for route schemas; each carries a clear message and a documented shape. */

export const text = (max: number, min = 1) =>
  v.pipe(
    v.string('Must be a string'),
    v.trim(),
    v.minLength(min, min === 1 ? 'Must not be empty' : `Must be at least ${min} characters`),
    v.maxLength(max, `Must be at most ${max} characters`),
  );

/** An Indian mobile in any common format, or any number in E.164; normalised to E.164. */
export const phone = v.pipe(
  v.string('Must be a string'),
  v.maxLength(32, 'Must be at most 32 characters'),
  v.check((s) => PhoneNumber.normalise(s) !== undefined, 'Invalid phone number'),
  v.metadata({ examples: ['+919876543210'] }),
  v.transform((s) => PhoneNumber.normalise(s)!),
);

export const otp = v.pipe(v.string('Must be a string'), v.regex(/^\d{6}$/, 'OTP must be 6 digits'));

export const password = v.pipe(
  v.string('Must be a string'),
  v.minLength(1, 'Must not be empty'),
  v.maxLength(256, 'Must be at most 256 characters'),
);

export const username = v.pipe(
  v.string('Must be a string'),
  v.trim(),
  v.minLength(1, 'Must not be empty'),
  v.maxLength(64, 'Must be at most 64 characters'),
);

export const jwt = v.pipe(
  v.string('Must be a string'),
  v.minLength(1, 'Must not be empty'),
  v.maxLength(4096, 'Token too long'),
);

/** A calendar date `YYYY-MM-DD` that exists (no 2024-02-30). */
export const localDate = v.pipe(
  v.string('Must be a string'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'Must be a date YYYY-MM-DD'),
  v.check((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'Not a real calendar date'),
);

/** A positive integer id in a path or query string. */
export const idParam = v.pipe(
  v.string('Must be a string'),
  v.regex(/^[1-9]\d{0,9}$/, 'Must be a positive integer'),
  v.transform(Number),
  v.maxValue(2_147_483_647, 'Too large'),
);

export const pagination = {
  page: v.optional(
    v.pipe(v.string(), v.regex(/^[1-9]\d{0,5}$/, 'Must be a positive integer'), v.transform(Number)),
    '1',
  ),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,6}$/, 'Must be a positive integer'),
      v.transform(Number),
      v.minValue(1, 'Must be at least 1'),
      v.maxValue(100, 'Must be at most 100'),
    ),
    '20',
  ),
};

/** A positive integer id inside a JSON body. */
export const bodyId = v.pipe(
  v.number('Must be a number'),
  v.integer('Must be a whole number'),
  v.minValue(1, 'Must be a positive id'),
  v.maxValue(2_147_483_647, 'Too large'),
);

/** Rupees with at most two decimals (the API's money; paise inside). */
export const rupees = v.pipe(
  v.number('Must be a number'),
  v.minValue(0, 'Must not be negative'),
  v.maxValue(10_000_000, 'Too large'),
  v.check((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'At most 2 decimals'),
);

/** Wall-clock time `HH:MM` or `HH:MM:SS`. */
export const timeOfDay = v.pipe(
  v.string('Must be a string'),
  v.regex(/^([01]\d|2[0-3]):[0-5]\d(:00)?$/, 'Must be a time HH:MM:SS on the minute'),
);
