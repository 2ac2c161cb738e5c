import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  PatientRecord,
  PatientRecordReads,
  PatientSearch,
  PatientSummary,
} from '../../../application/clinical-records/ports/patient-record-reads.js';
import type { Page } from '../../../application/shared/page.js';

interface SummaryRow {
  id: number;
  full_name: string | null;
  phone: string;
  email: string | null;
  date_of_birth: string | null;
  gender: PatientSummary['gender'];
  blood_group: PatientSummary['bloodGroup'];
  source: PatientSummary['source'];
  created_at: Date | string;
}

interface RecordRow extends SummaryRow {
  emergency_contact_name: string | null;
  emergency_contact_phone: string | null;
  medical_history: string | null;
  updated_at: Date | string;
}

// date_of_birth as text: the driver would turn a date into a local-midnight Date.
const SUMMARY = `p.id, p.full_name, p.phone, p.email, p.date_of_birth::text as date_of_birth, p.gender,
  p.blood_group, p.source, p.created_at`;

/** SQL over patients: each page, its total included, is one statement whatever its size. */
export class SqlPatientRecordReads implements PatientRecordReads {
  constructor(private readonly em: EntityManager) {}

  async search(filter: PatientSearch): Promise<Page<PatientSummary>> {
    const { where, params } = conditionsOf(filter);
    // The count stands alone so that a page past the end still reports the total.
    const rows: Array<Partial<SummaryRow> & { total: string }> = await this.em.getConnection().execute(
      `select n.total, page.*
         from (select count(*) as total from patients p where ${where}) n
         left join (select ${SUMMARY} from patients p where ${where}
                     order by p.created_at desc, p.id desc limit ? offset ?) page on true
        order by page.created_at desc, page.id desc`,
      [...params, ...params, filter.limit, (filter.page - 1) * filter.limit],
    );
    const items = rows.filter((row): row is SummaryRow & { total: string } => row.id != null).map(summaryOf);
    return { items, total: Number(rows[0]?.total ?? 0) };
  }

  async byId(id: number): Promise<PatientRecord | null> {
    const rows: RecordRow[] = await this.em.getConnection().execute(
      `select ${SUMMARY}, p.emergency_contact_name, p.emergency_contact_phone, p.medical_history, p.updated_at
         from patients p where p.id = ?`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      ...summaryOf(row),
      emergencyContactName: row.emergency_contact_name,
      emergencyContactPhone: row.emergency_contact_phone,
      medicalHistory: row.medical_history,
      updatedAt: new Date(row.updated_at),
    };
  }
}

/** `%` and `_` typed by a user are letters, not wildcards. */
function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

function conditionsOf(filter: PatientSearch): { where: string; params: unknown[] } {
  const where = ['true'];
  const params: unknown[] = [];
  if (filter.name !== undefined) {
    // The same fold as the stored search_name column, so case and accents never matter.
    where.push(`p.search_name like fold_for_search(?)`);
    params.push(contains(filter.name.normalize('NFC')));
  }
  if (filter.phone?.kind === 'exact') {
    where.push('p.phone = ?');
    params.push(filter.phone.e164);
  } else if (filter.phone?.kind === 'digits') {
    where.push('p.phone like ?');
    params.push(contains(filter.phone.digits));
  }
  return { where: where.join(' and '), params };
}

function summaryOf(row: SummaryRow): PatientSummary {
  return {
    id: row.id,
    fullName: row.full_name,
    phone: row.phone,
    email: row.email,
    dateOfBirth: row.date_of_birth,
    gender: row.gender,
    bloodGroup: row.blood_group,
    source: row.source,
    createdAt: new Date(row.created_at),
  };
}
