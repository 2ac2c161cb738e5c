import * as v from 'valibot';
import { BLOOD_GROUPS, GENDERS, MEDICAL_HISTORY_MAX } from '../../../../domain/identity/patient-profile.js';
import { NOTE_MAX } from '../../../../domain/clinical-records/medical-note.js';
import { LEAD_SOURCES } from '../../../../domain/identity/patient.js';
import { bodyId, idParam, localDate, pagination, phone, text } from '../../schemas/common.js';

const email = v.pipe(
  v.string('Must be a string'),
  v.trim(),
  v.maxLength(254, 'Must be at most 254 characters'),
  v.email('Invalid email format'),
);
const oneOf = <T extends readonly string[]>(values: T) =>
  v.picklist(values, `Must be one of ${values.join(', ')}`);

// The patient's details; the Patient aggregate re-checks each (names one line, birth date not ahead).
const details = {
  fullName: text(200),
  phone,
  email: v.optional(v.nullable(email)),
  dateOfBirth: v.optional(v.nullable(localDate)),
  gender: v.optional(v.nullable(oneOf(GENDERS))),
  bloodGroup: v.optional(v.nullable(oneOf(BLOOD_GROUPS))),
  emergencyContactName: v.optional(v.nullable(text(200))),
  emergencyContactPhone: v.optional(v.nullable(phone)),
};

export const CreatePatientBody = v.strictObject({
  ...details,
  source: v.optional(oneOf(LEAD_SOURCES)),
});

/** The spec's roles and fields; medical history is not among them (it has its own route). */
export const UpdatePatientBody = v.pipe(
  v.strictObject({ ...details, fullName: v.optional(details.fullName), phone: v.optional(phone) }),
  v.check((body) => Object.values(body).some((value) => value !== undefined), 'Nothing to update'),
);

export const MedicalHistoryBody = v.strictObject({
  medicalHistory: v.nullable(
    v.pipe(
      v.string('Must be a string'),
      v.maxLength(MEDICAL_HISTORY_MAX, `At most ${MEDICAL_HISTORY_MAX} characters`),
    ),
  ),
});

export const AddNoteBody = v.strictObject({
  note: text(NOTE_MAX),
  appointmentId: v.optional(bodyId),
  correctsNoteId: v.optional(bodyId),
});

export const PatientIdParams = v.strictObject({ id: idParam });
export const PageQuery = v.strictObject({ ...pagination });

export const PatientSearchQuery = v.strictObject({
  search: v.optional(
    v.pipe(
      text(100),
      v.check((s) => !/\p{Cc}/u.test(s), 'Must not contain control characters'),
    ),
  ),
  phone: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[+\d\s\-().]{1,32}$/, 'Digits, spaces and + - ( ) . only, at most 32'),
      v.check((s) => /\d/.test(s), 'Must contain a digit'),
    ),
  ),
  ...pagination,
});

const summary = {
  id: v.number(),
  fullName: v.nullable(v.string()),
  phone: v.string(),
  email: v.nullable(v.string()),
  dateOfBirth: v.nullable(v.string()),
  gender: v.nullable(v.picklist(GENDERS)),
  bloodGroup: v.nullable(v.picklist(BLOOD_GROUPS)),
  source: v.picklist(LEAD_SOURCES),
  createdAt: v.string(),
};
export const PatientSummaryData = v.object(summary);
export const PatientRecordData = v.object({
  ...summary,
  emergencyContactName: v.nullable(v.string()),
  emergencyContactPhone: v.nullable(v.string()),
  medicalHistory: v.optional(v.nullable(v.string())),
  updatedAt: v.string(),
});
export const MedicalNoteData = v.object({
  id: v.number(),
  patientId: v.number(),
  appointmentId: v.nullable(v.number()),
  authorId: v.number(),
  authorName: v.optional(v.string()),
  note: v.string(),
  correctsNoteId: v.nullable(v.number()),
  correctedByNoteId: v.optional(v.nullable(v.number())),
  createdAt: v.string(),
});
