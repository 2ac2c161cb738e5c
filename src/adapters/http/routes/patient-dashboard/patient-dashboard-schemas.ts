import * as v from 'valibot';
import { PatientData } from '../patient-auth/patient-auth-schemas.js';
import { BLOOD_GROUPS, GENDERS } from '../../../../domain/identity/patient-profile.js';
import {
  RATING_COMMENT_MAX,
  RATING_MAX,
  RATING_MIN,
} from '../../../../domain/patient-care/appointment-rating.js';
import { localDate, phone, text } from '../../schemas/common.js';

const oneOf = <T extends readonly string[]>(values: T) =>
  v.picklist(values, `Must be one of ${values.join(', ')}`);
const email = v.pipe(
  v.string('Must be a string'),
  v.trim(),
  v.maxLength(254, 'Must be at most 254 characters'),
  v.email('Invalid email format'),
);

/**
 * The spec's profile fields, each optional; `null` clears an optional one. The phone is the login and
 * is not here (an unknown key is a 400). The Patient aggregate re-checks every value.
 */
export const ProfileBody = v.pipe(
  v.strictObject({
    fullName: v.optional(text(200)),
    email: v.optional(v.nullable(email)),
    dateOfBirth: v.optional(v.nullable(localDate)),
    gender: v.optional(v.nullable(oneOf(GENDERS))),
    bloodGroup: v.optional(v.nullable(oneOf(BLOOD_GROUPS))),
    emergencyContactName: v.optional(v.nullable(text(200))),
    emergencyContactPhone: v.optional(v.nullable(phone)),
  }),
  v.check((body) => Object.values(body).some((value) => value !== undefined), 'Nothing to update'),
);

export const RatingBody = v.strictObject({
  rating: v.pipe(
    v.number('Must be a number'),
    v.integer('Must be a whole number'),
    v.minValue(RATING_MIN, `Must be at least ${RATING_MIN}`),
    v.maxValue(RATING_MAX, `Must be at most ${RATING_MAX}`),
  ),
  comment: v.optional(
    v.nullable(
      v.pipe(
        v.string('Must be a string'),
        v.maxLength(RATING_COMMENT_MAX, `At most ${RATING_COMMENT_MAX} characters`),
      ),
    ),
  ),
});

/** The profile is the same record the patient's login returns. */
export const ProfileData = PatientData;

export const OverviewData = v.object({
  upcomingAppointments: v.array(
    v.object({
      id: v.number(),
      clinicianName: v.string(),
      appointmentDate: v.string(),
      appointmentTime: v.string(),
      sessionType: v.string(),
    }),
  ),
  recentPayments: v.array(
    v.object({ appointmentId: v.number(), amount: v.number(), status: v.string(), paidAt: v.string() }),
  ),
  totalAppointments: v.number(),
  totalSpent: v.number(),
});

export const MyPaymentsData = v.array(
  v.object({
    appointmentId: v.number(),
    clinicianName: v.nullable(v.string()),
    amount: v.number(),
    status: v.string(),
    paymentMethod: v.nullable(v.string()),
    paidAt: v.nullable(v.string()),
  }),
);
