import { checkedDetails, medicalHistoryText, type PatientDetails } from './patient-profile.js';

export const LEAD_SOURCES = ['WEBSITE', 'WHATSAPP', 'WALK_IN', 'REFERRAL', 'PHONE', 'OTHER'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** A person who receives care; signs in with a WhatsApp OTP on their phone. */
export class Patient {
  id!: number;
  fullName!: string | null;
  phone!: string;
  email!: string | null;
  dateOfBirth!: string | null;
  gender!: string | null;
  bloodGroup!: string | null;
  emergencyContactName!: string | null;
  emergencyContactPhone!: string | null;
  source!: LeadSource;
  /** Clinical: shown and written only as clinical-records' access rule allows. */
  medicalHistory!: string | null;
  createdAt!: Date;
  updatedAt!: Date;

  private constructor() {}

  /** First successful OTP verification on the patient app: the patient signs themselves up. */
  static signUp(phone: string, fullName: string | null, now: Date): Patient {
    return Patient.create(phone, fullName, 'WEBSITE', now);
  }

  /** A patient the front desk books for: they sign in later with the same phone. */
  static registerByStaff(phone: string, fullName: string, now: Date): Patient {
    return Patient.create(phone, fullName, 'WALK_IN', now);
  }

  /** Staff register a patient with their details and how the patient came to the clinic. */
  static register(details: PatientDetails, source: LeadSource, now: Date): Patient {
    const checked = checkedDetails(details, now);
    const patient = Patient.create(checked.phone, checked.fullName, source, now);
    Object.assign(patient, checked);
    return patient;
  }

  /** Changes only the fields given; every value is checked before any is applied. */
  update(changes: Partial<PatientDetails>, now: Date): void {
    Object.assign(this, checkedDetails(changes, now));
    this.updatedAt = now;
  }

  writeMedicalHistory(text: string | null, now: Date): void {
    this.medicalHistory = medicalHistoryText(text);
    this.updatedAt = now;
  }

  private static create(phone: string, fullName: string | null, source: LeadSource, now: Date): Patient {
    const patient = new Patient();
    patient.fullName = fullName;
    patient.phone = phone;
    patient.email = null;
    patient.dateOfBirth = null;
    patient.gender = null;
    patient.bloodGroup = null;
    patient.emergencyContactName = null;
    patient.emergencyContactPhone = null;
    patient.source = source;
    patient.medicalHistory = null;
    patient.createdAt = now;
    patient.updatedAt = now;
    return patient;
  }
}
