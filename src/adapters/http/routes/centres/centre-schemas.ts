import * as v from 'valibot';
import { idParam, pagination, text } from '../../schemas/common.js';

// Shapes only: the Centre aggregate checks phone, time zone and control characters (one rule each).
const phone = v.pipe(
  v.string('Must be a string'),
  v.maxLength(32, 'Must be at most 32 characters'),
  v.metadata({ examples: ['+918012345678'] }),
);
const email = v.pipe(
  v.string('Must be a string'),
  v.trim(),
  v.maxLength(254, 'Must be at most 254 characters'),
  v.email('Invalid email format'),
);
const timezone = v.pipe(
  v.string('Must be a string'),
  v.maxLength(64, 'Must be at most 64 characters'),
  v.metadata({ description: 'IANA time zone; Asia/Kolkata when left out', examples: ['Asia/Kolkata'] }),
);

const details = {
  name: text(200),
  city: text(100),
  address: text(500),
  phone: v.optional(v.nullable(phone)),
  email: v.optional(v.nullable(email)),
  timezone: v.optional(timezone),
};

export const CreateCentreBody = v.strictObject(details);

export const UpdateCentreBody = v.pipe(
  v.strictObject({
    ...details,
    name: v.optional(details.name),
    city: v.optional(details.city),
    address: v.optional(details.address),
  }),
  v.check((body) => Object.values(body).some((value) => value !== undefined), 'Nothing to update'),
);

export const CentreIdParams = v.strictObject({ id: idParam });

export const CentreListQuery = v.strictObject({
  city: v.optional(
    v.pipe(
      text(100),
      v.check((s) => !/\p{Cc}/u.test(s), 'Must not contain control characters'),
    ),
  ),
  ...pagination,
});

export const CentreData = v.object({
  id: v.number(),
  name: v.string(),
  city: v.string(),
  address: v.string(),
  phone: v.nullable(v.string()),
  email: v.nullable(v.string()),
  timezone: v.string(),
  isActive: v.boolean(),
  createdAt: v.string(),
});
