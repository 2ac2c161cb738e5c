import * as v from 'valibot';
import { STAFF_ROLE_NAMES } from '../../../../domain/identity/role.js';
import { jwt, otp, password, phone, username } from '../../schemas/common.js';

export const SendOtpBody = v.strictObject({ phone });
export const PhoneOtpBody = v.strictObject({ phone, otp });
export const PhonePasswordBody = v.strictObject({
  phone: v.pipe(v.string('Must be a string'), v.maxLength(32, 'Must be at most 32 characters')),
  password,
});
export const UsernamePasswordBody = v.strictObject({ username, password });
export const RefreshBody = v.strictObject({ refreshToken: jwt });

export const OtpSentData = v.object({ phone: v.string(), expiresIn: v.number() });

export const StaffUserData = v.object({
  id: v.number(),
  fullName: v.string(),
  phone: v.string(),
  email: v.nullable(v.string()),
  roleId: v.number(),
  roleName: v.picklist(STAFF_ROLE_NAMES),
  isActive: v.boolean(),
});

export const StaffLoginData = v.object({
  user: StaffUserData,
  accessToken: v.string(),
  refreshToken: v.string(),
});
export const AccessTokenData = v.object({ accessToken: v.string() });
