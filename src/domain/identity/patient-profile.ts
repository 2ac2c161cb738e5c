import { InvalidValueError } from '../shared/domain-error.js';
import { PhoneNumber } from '../shared/phone-number.js';

export const GENDERS = ['MALE', 'FEMALE', 'OTHER', 'PREFER_NOT_TO_SAY'] as const;
export const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'] as const;
export type Gender = (typeof GENDERS)[number];
export type BloodGroup = (typeof BLOOD_GROUPS)[number];

/** What the clinic keeps about a patient besides clinical data (the Patient aggregate's profile): who they are and whom to call. */
export interface PatientDetails {
  fullName: string;
  phone: string;
  email: string | null;
  /** `YYYY-MM-DD`. */
  dateOfBirth: string | null;
  gender: Gender | null;
  bloodGroup: BloodGroup | null;
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
}

export const MEDICAL_HISTORY_MAX = 20_000;
const NAME_MAX = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CONTROL = /\p{Cc}/u;

/** Checks each field given (the edge already did the shapes; these are the invariants). */
export function checkedDetails<D extends Partial<PatientDetails>>(details: D, now: Date): D {
  // Keys given as undefined are not changes: leave them out, so they never overwrite a value.
  const out: Partial<PatientDetails> = Object.fromEntries(
    Object.entries(details).filter(([, value]) => value !== undefined),
  );
  if (details.fullName !== undefined) out.fullName = personName('fullName', details.fullName);
  if (details.phone !== undefined) out.phone = PhoneNumber.parse(details.phone).e164;
  if (details.email != null) out.email = email(details.email);
  if (details.dateOfBirth != null) out.dateOfBirth = dateOfBirth(details.dateOfBirth, now);
  if (details.gender != null && !GENDERS.includes(details.gender))
    throw new InvalidValueError('gender', `Must be one of ${GENDERS.join(', ')}`);
  if (details.bloodGroup != null && !BLOOD_GROUPS.includes(details.bloodGroup))
    throw new InvalidValueError('bloodGroup', `Must be one of ${BLOOD_GROUPS.join(', ')}`);
  if (details.emergencyContactName != null)
    out.emergencyContactName = personName('emergencyContactName', details.emergencyContactName);
  if (details.emergencyContactPhone != null)
    out.emergencyContactPhone = PhoneNumber.parse(
      details.emergencyContactPhone,
      'emergencyContactPhone',
    ).e164;
  return out as D;
}

/** Free text a clinician writes; an empty history is no history. */
export function medicalHistoryText(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return null;
  if (trimmed.length > MEDICAL_HISTORY_MAX)
    throw new InvalidValueError('medicalHistory', `Must be at most ${MEDICAL_HISTORY_MAX} characters`);
  if (trimmed.includes('\u0000')) throw new InvalidValueError('medicalHistory', 'Must not contain NUL');
  return trimmed;
}

function personName(field: string, value: string): string {
  const name = value.trim();
  if (name.length < 1 || name.length > NAME_MAX || CONTROL.test(name))
    throw new InvalidValueError(field, `Must be one line of 1 to ${NAME_MAX} characters`);
  return name;
}

function email(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) throw new InvalidValueError('email', 'Invalid email');
  return trimmed.toLowerCase();
}

function dateOfBirth(value: string, now: Date): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== value)
    throw new InvalidValueError('dateOfBirth', 'Must be a date YYYY-MM-DD');
  // A day of slack: "today" somewhere east of UTC is already tomorrow here.
  if (date.getTime() > now.getTime() + 86_400_000)
    throw new InvalidValueError('dateOfBirth', 'Must not be in the future');
  if (date.getUTCFullYear() < 1900) throw new InvalidValueError('dateOfBirth', 'Must be after 1900');
  return value;
}
