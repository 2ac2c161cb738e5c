import type { EntityManager } from '@mikro-orm/postgresql';
import type { Page } from '../../../application/shared/page.js';
import type {
  ClinicianFilter,
  ClinicianReads,
  ClinicianView,
} from '../../../application/scheduling/ports/clinician-reads.js';

interface Row {
  id: number;
  user_id: number;
  full_name: string;
  phone: string;
  email: string | null;
  primary_centre_id: number;
  specialization: string[];
  qualification: string[];
  years_of_experience: number;
  fee_paise: number;
  languages: string[];
  profile_picture_url: string | null;
  consultation_minutes: number;
  is_active: boolean;
  total?: string;
}

const COLUMNS = `c.id, c.user_id, u.full_name, u.phone, u.email, c.primary_centre_id, c.specialization, c.qualification,
  c.years_of_experience, c.fee_paise, c.languages, c.profile_picture_url, c.consultation_minutes, c.is_active`;

/** One query per page (the count comes with the rows), whatever the page size. */
export class SqlClinicianReads implements ClinicianReads {
  constructor(private readonly em: EntityManager) {}

  async list(filter: ClinicianFilter): Promise<Page<ClinicianView>> {
    const where = ['c.deleted_at is null'];
    const params: unknown[] = [];
    if (!filter.privileged) where.push('c.is_active');
    if (filter.centreId !== undefined) {
      // Practising at a centre: based there, or holding availability there.
      where.push(`(c.primary_centre_id = ? or c.availability_rules @> ?::jsonb)`);
      params.push(filter.centreId, JSON.stringify([{ centreId: filter.centreId }]));
    }
    if (filter.specialization !== undefined) {
      where.push('exists (select 1 from unnest(c.specialization) s where lower(s) = lower(?))');
      params.push(filter.specialization);
    }
    const rows: Row[] = await this.em.getConnection().execute(
      `select ${COLUMNS}, count(*) over () as total
         from clinicians c join staff_users u on u.id = c.user_id
        where ${where.join(' and ')}
        order by u.full_name, c.id
        limit ? offset ?`,
      [...params, filter.limit, (filter.page - 1) * filter.limit],
    );
    const total = rows[0]?.total !== undefined ? Number(rows[0].total) : await this.countOnly(where, params);
    return { items: rows.map((row) => viewOf(row, filter.privileged)), total };
  }

  async get(id: number, privileged: boolean): Promise<ClinicianView | null> {
    const rows: Row[] = await this.em
      .getConnection()
      .execute(
        `select ${COLUMNS} from clinicians c join staff_users u on u.id = c.user_id where c.id = ? and c.deleted_at is null`,
        [id],
      );
    return rows[0] ? viewOf(rows[0], privileged) : null;
  }

  /** A page past the end has no rows to carry the window count. */
  private async countOnly(where: string[], params: unknown[]): Promise<number> {
    const rows: Array<{ total: string }> = await this.em
      .getConnection()
      .execute(`select count(*) as total from clinicians c where ${where.join(' and ')}`, params);
    return Number(rows[0]?.total ?? 0);
  }
}

function viewOf(row: Row, privileged: boolean): ClinicianView {
  return {
    id: row.id,
    userId: row.user_id,
    fullName: row.full_name,
    primaryCentreId: row.primary_centre_id,
    specialization: row.specialization,
    qualification: row.qualification,
    yearsOfExperience: row.years_of_experience,
    feePaise: row.fee_paise,
    languages: row.languages,
    profilePictureUrl: row.profile_picture_url,
    consultationMinutes: row.consultation_minutes,
    isActive: row.is_active,
    ...(privileged ? { phone: row.phone, email: row.email } : {}),
  };
}
