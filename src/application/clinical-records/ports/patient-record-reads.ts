import type { BloodGroup, Gender } from '../../../domain/identity/patient-profile.js';
import type { LeadSource } from '../../../domain/identity/patient.js';
import type { Page } from '../../shared/page.js';

/** A patient as the staff list shows them: no clinical data. */
export interface PatientSummary {
  id: number;
  fullName: string | null;
  phone: string;
  email: string | null;
  dateOfBirth: string | null;
  gender: Gender | null;
  bloodGroup: BloodGroup | null;
  source: LeadSource;
  createdAt: Date;
}

export interface PatientRecord extends PatientSummary {
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  /** Clinical: the query handlers pass it on only to those the access rule allows. */
  medicalHistory: string | null;
  updatedAt: Date;
}

/** How a phone query matches: the whole number when it parses, else the digits typed, anywhere. */
export type PhoneQuery = { kind: 'exact'; e164: string } | { kind: 'digits'; digits: string };

export interface PatientSearch {
  /** Any part of the name, in any case, with or without accents. */
  name?: string | undefined;
  phone?: PhoneQuery | undefined;
  page: number;
  limit: number;
}

export interface PatientRecordReads {
  /** Newest first; one statement per page whatever its size. */
  search(filter: PatientSearch): Promise<Page<PatientSummary>>;
  byId(id: number): Promise<PatientRecord | null>;
}
