import type { StaffRoleId } from '../../domain/identity/role.js';

/** Who is calling, as established from a verified access token and the account's current state. */
export type Actor = StaffActor | PatientActor;

export interface StaffActor {
  kind: 'staff';
  userId: number;
  roleId: StaffRoleId;
  centreId: number | null;
}

export interface PatientActor {
  kind: 'patient';
  patientId: number;
}
