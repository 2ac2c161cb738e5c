import type { Page } from '../../shared/page.js';
import type { AuditEntry, AuditFilter, ClinicalAuditLog } from '../ports/clinical-audit-log.js';

/** The clinical audit log for ADMIN (the route admits no one else), newest first. */
export class ListAuditEntriesHandler {
  constructor(private readonly audit: ClinicalAuditLog) {}

  execute(filter: AuditFilter): Promise<Page<AuditEntry & { id: number }>> {
    return this.audit.list(filter);
  }
}
