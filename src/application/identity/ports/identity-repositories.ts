import type { OneTimeCode, OtpPurpose } from '../../../domain/identity/one-time-code.js';
import type { Patient } from '../../../domain/identity/patient.js';
import type { RefreshSession, SubjectKind } from '../../../domain/identity/refresh-session.js';
import type { StaffRoleId } from '../../../domain/identity/role.js';
import type { StaffUser } from '../../../domain/identity/staff-user.js';

export interface StaffUserRepository {
  findById(id: number): Promise<StaffUser | null>;
  findByPhone(phone: string): Promise<StaffUser | null>;
  findByUsername(username: string): Promise<StaffUser | null>;
  /** Case-insensitive, among accounts that are not deleted. */
  findByEmail(email: string): Promise<StaffUser | null>;
  anyWithRole(roleId: StaffRoleId): Promise<boolean>;
  add(user: StaffUser): Promise<void>;
}

export interface PatientRepository {
  findById(id: number): Promise<Patient | null>;
  findByPhone(phone: string): Promise<Patient | null>;
  add(patient: Patient): Promise<void>;
}

export interface OneTimeCodeRepository {
  /** Locks the row until the surrounding unit of work ends, so two verifies cannot both use one code. */
  findForUpdate(purpose: OtpPurpose, phone: string): Promise<OneTimeCode | null>;
  add(code: OneTimeCode): Promise<void>;
}

export interface RefreshSessionRepository {
  findByTokenHash(tokenHash: string): Promise<RefreshSession | null>;
  add(session: RefreshSession): Promise<void>;
  revokeAllOf(kind: SubjectKind, subjectId: number, now: Date): Promise<void>;
}
