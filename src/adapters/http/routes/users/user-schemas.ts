import * as v from 'valibot';
import { PASSWORD_RULES } from '../../../../domain/identity/password-policy.js';
import { Roles } from '../../../../domain/identity/role.js';
import { bodyId, idParam, pagination, phone, text } from '../../schemas/common.js';

const email = v.pipe(
  v.string('Must be a string'),
  v.trim(),
  v.maxLength(254, 'Must be at most 254 characters'),
  v.email('Invalid email format'),
);

/** Stored lower-case: the username login matches it case-insensitively. */
const username = v.pipe(
  v.string('Must be a string'),
  v.trim(),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, 'Use 3 to 64 letters, digits, dots, dashes or underscores'),
  v.toLowerCase(),
);

// Length and commonness are the password policy's (domain), so its answer names every problem.
const password = v.pipe(
  v.string('Must be a string'),
  v.maxLength(PASSWORD_RULES.maxLength, `Must be at most ${PASSWORD_RULES.maxLength} characters`),
);

const roleId = v.pipe(
  v.number('Must be a number'),
  v.integer('Must be a whole number'),
  v.minValue(Roles.ADMIN, 'Must be a staff role id (1 to 6)'),
  v.maxValue(Roles.FRONT_DESK, 'Must be a staff role id (1 to 6)'),
);

const account = {
  fullName: text(200),
  phone,
  email: v.optional(v.nullable(email), null),
  username: v.optional(v.nullable(username), null),
  password,
};

export const CreateStaffUserBody = v.strictObject({
  ...account,
  roleId,
  centreId: v.optional(v.nullable(bodyId), null),
});

export const CreateManagerBody = v.strictObject(account);

export const CreateCentreManagerBody = v.strictObject({ ...account, centreId: bodyId });

/** Care coordinators and front desk: `centreId` null means they work across centres. */
export const CreateCentreStaffBody = v.strictObject({
  ...account,
  centreId: v.optional(v.nullable(bodyId), null),
});

export const UpdateStaffUserBody = v.pipe(
  v.strictObject({
    fullName: v.optional(text(200)),
    phone: v.optional(phone),
    email: v.optional(v.nullable(email)),
    username: v.optional(v.nullable(username)),
    password: v.optional(password),
    roleId: v.optional(roleId),
    centreId: v.optional(v.nullable(bodyId)),
    isActive: v.optional(v.boolean('Must be true or false')),
  }),
  v.check((body) => Object.values(body).some((value) => value !== undefined), 'Nothing to update'),
);

export const UserIdParams = v.strictObject({ id: idParam });

export const UserListQuery = v.strictObject({
  roleId: v.optional(idParam),
  centreId: v.optional(idParam),
  ...pagination,
});
