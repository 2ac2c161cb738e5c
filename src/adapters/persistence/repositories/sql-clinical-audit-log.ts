import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  AuditEntry,
  AuditFilter,
  ClinicalAuditLog,
} from '../../../application/clinical-records/ports/clinical-audit-log.js';
import type { Page } from '../../../application/shared/page.js';

interface AuditRow {
  id: number;
  actor_id: number;
  actor_role: AuditEntry['actorRole'];
  patient_id: number;
  action: AuditEntry['action'];
  note_id: number | null;
  request_id: string;
  at: Date | string;
}

/**
 * The clinical audit log in `clinical_audit_log`: inserted inside the caller's transaction (em.execute
 * joins it), never updated or deleted (a trigger refuses both).
 */
export class SqlClinicalAuditLog implements ClinicalAuditLog {
  constructor(private readonly em: EntityManager) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.em.execute(
      `insert into clinical_audit_log (actor_id, actor_role, patient_id, action, note_id, request_id, at)
       values (?, ?, ?, ?, ?, ?, ?)`,
      [
        entry.actorId,
        entry.actorRole,
        entry.patientId,
        entry.action,
        entry.noteId,
        entry.requestId,
        entry.at,
      ],
    );
  }

  async list(filter: AuditFilter): Promise<Page<AuditEntry & { id: number }>> {
    const { where, params } = conditionsOf(filter);
    const rows: Array<Partial<AuditRow> & { total: string }> = await this.em.getConnection().execute(
      `select n.total, page.*
         from (select count(*) as total from clinical_audit_log l where ${where}) n
         left join (select l.* from clinical_audit_log l where ${where}
                     order by l.at desc, l.id desc limit ? offset ?) page on true
        order by page.at desc, page.id desc`,
      [...params, ...params, filter.limit, (filter.page - 1) * filter.limit],
    );
    const items = rows.filter((row): row is AuditRow & { total: string } => row.id != null).map(entryOf);
    return { items, total: Number(rows[0]?.total ?? 0) };
  }
}

function conditionsOf(filter: AuditFilter): { where: string; params: unknown[] } {
  const where = ['true'];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    if (value === undefined) return;
    where.push(condition);
    params.push(value);
  };
  add('l.patient_id = ?', filter.patientId);
  add('l.actor_id = ?', filter.actorId);
  add('l.at >= ?', filter.from);
  add('l.at < ?', filter.to);
  return { where: where.join(' and '), params };
}

function entryOf(row: AuditRow): AuditEntry & { id: number } {
  return {
    id: row.id,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    patientId: row.patient_id,
    action: row.action,
    noteId: row.note_id,
    requestId: row.request_id,
    at: new Date(row.at),
  };
}
