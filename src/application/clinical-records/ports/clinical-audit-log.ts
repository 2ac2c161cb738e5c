import type { AuditAction } from '../../../domain/clinical-records/audit-action.js';
import type { StaffRoleName } from '../../../domain/identity/role.js';
import type { Page } from '../../shared/page.js';

/** One read or write of a patient's clinical data: who, in which role, what, when, in which request. */
export interface AuditEntry {
  actorId: number;
  actorRole: StaffRoleName;
  patientId: number;
  action: AuditAction;
  /** The note written, when the action wrote one. */
  noteId: number | null;
  requestId: string;
  at: Date;
}

export interface AuditFilter {
  patientId?: number | undefined;
  actorId?: number | undefined;
  from?: Date | undefined;
  /** Exclusive. */
  to?: Date | undefined;
  page: number;
  limit: number;
}

/** Append-only: entries are added inside the unit of work of what they record, never changed. */
export interface ClinicalAuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first; one statement per page whatever its size. */
  list(filter: AuditFilter): Promise<Page<AuditEntry & { id: number }>>;
}
