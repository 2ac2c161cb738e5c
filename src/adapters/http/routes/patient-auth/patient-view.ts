import type { Patient } from '../../../../domain/identity/patient.js';

export function patientView(patient: Patient) {
  return {
    id: patient.id,
    fullName: patient.fullName,
    phone: patient.phone,
    email: patient.email,
    dateOfBirth: patient.dateOfBirth,
    gender: patient.gender,
    bloodGroup: patient.bloodGroup,
    emergencyContactName: patient.emergencyContactName,
    emergencyContactPhone: patient.emergencyContactPhone,
  };
}
