import * as v from 'valibot';
import { otp, phone, text } from '../../schemas/common.js';

export const PatientSendOtpBody = v.strictObject({ phone, fullName: v.optional(text(200)) });
export const PatientVerifyOtpBody = v.strictObject({ phone, otp });

export const PatientData = v.object({
  id: v.number(),
  fullName: v.nullable(v.string()),
  phone: v.string(),
  email: v.nullable(v.string()),
  dateOfBirth: v.nullable(v.string()),
  gender: v.nullable(v.string()),
  bloodGroup: v.nullable(v.string()),
  emergencyContactName: v.nullable(v.string()),
  emergencyContactPhone: v.nullable(v.string()),
});

export const PatientLoginData = v.object({
  patient: v.object({
    id: v.number(),
    fullName: v.nullable(v.string()),
    phone: v.string(),
    email: v.nullable(v.string()),
    isNewUser: v.boolean(),
  }),
  accessToken: v.string(),
  refreshToken: v.string(),
});
