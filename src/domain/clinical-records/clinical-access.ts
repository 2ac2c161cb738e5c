import { Roles, type StaffRoleId } from '../identity/role.js';

/** A staff member looking at one patient, and whether they are (or were) that patient's clinician. */
export interface ClinicalViewer {
  roleId: StaffRoleId;
  /** Has or had an appointment with the patient as its clinician. */
  isPatientsClinician: boolean;
}

/**
 * Clinical privacy (issue 5): medical history and medical notes are for ADMIN and for the clinicians
 * who have or had an appointment with the patient, for reading and for writing alike. Everyone else
 * gets the record without them.
 */
export function maySeeClinicalData(viewer: ClinicalViewer): boolean {
  if (viewer.roleId === Roles.ADMIN) return true;
  return viewer.roleId === Roles.CLINICIAN && viewer.isPatientsClinician;
}

/** A clinician reaches only their own patients; other staff reach every patient record. */
export function mayReachPatient(viewer: ClinicalViewer): boolean {
  return viewer.roleId !== Roles.CLINICIAN || viewer.isPatientsClinician;
}
