import type { BloodGroup, Gender } from '../../domain/identity/patient-profile.js';
import type { Patient } from '../../domain/identity/patient.js';
import type { PatientRecord } from './ports/patient-record-reads.js';

/** A patient's record without its clinical part: what every staff role may see. */
export type PatientRecordBase = Omit<PatientRecord, 'medicalHistory'>;

/** The record as a role may see it: `medicalHistory` is present only for those allowed to see it. */
export type RoleShapedRecord = PatientRecordBase & { medicalHistory?: string | null };

export function shapedFor(record: PatientRecord, clinical: boolean): RoleShapedRecord {
  if (clinical) return record;
  const { medicalHistory: _clinical, ...base } = record;
  return base;
}

/** The record of a patient just written, as the read side would return it. */
export function recordOf(patient: Patient): PatientRecord {
  return {
    id: patient.id,
    fullName: patient.fullName,
    phone: patient.phone,
    email: patient.email,
    dateOfBirth: patient.dateOfBirth,
    gender: patient.gender as Gender | null,
    bloodGroup: patient.bloodGroup as BloodGroup | null,
    emergencyContactName: patient.emergencyContactName,
    emergencyContactPhone: patient.emergencyContactPhone,
    source: patient.source,
    medicalHistory: patient.medicalHistory,
    createdAt: patient.createdAt,
    updatedAt: patient.updatedAt,
  };
}
