import type { Page } from '../../../application/shared/page.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  CentreListFilter,
  CentreReads,
  CentreView,
} from '../../../application/scheduling/ports/centre-reads.js';

interface Row {
  id: number;
  name: string;
  city: string;
  address: string;
  phone: string | null;
  email: string | null;
  timezone: string;
  is_active: boolean;
  created_at: Date | string;
  total?: string;
}

const COLUMNS = 'id, name, city, address, phone, email, timezone, is_active, created_at';

/** SQL over live (not deleted) centres; the count comes with the page's rows. */
export class SqlCentreReads implements CentreReads {
  constructor(private readonly em: EntityManager) {}

  async list(filter: CentreListFilter): Promise<Page<CentreView>> {
    const where = ['deleted_at is null'];
    const params: unknown[] = [];
    if (!filter.includeInactive) where.push('is_active');
    if (filter.onlyCentreId !== undefined) {
      where.push('id = ?');
      params.push(filter.onlyCentreId);
    }
    if (filter.city !== undefined) {
      where.push('lower(city) = lower(?)');
      params.push(filter.city);
    }
    const conditions = where.join(' and ');
    const rows: Row[] = await this.em.getConnection().execute(
      `select ${COLUMNS}, count(*) over () as total from centres where ${conditions}
        order by name, id limit ? offset ?`,
      [...params, filter.limit, (filter.page - 1) * filter.limit],
    );
    // A page past the end has no rows to carry the count.
    const total = rows[0]?.total !== undefined ? Number(rows[0].total) : await this.count(conditions, params);
    return { items: rows.map(viewOf), total };
  }

  async byId(id: number): Promise<CentreView | null> {
    const rows: Row[] = await this.em
      .getConnection()
      .execute(`select ${COLUMNS} from centres where id = ? and deleted_at is null`, [id]);
    return rows[0] ? viewOf(rows[0]) : null;
  }

  private async count(conditions: string, params: unknown[]): Promise<number> {
    const rows: Array<{ total: string }> = await this.em
      .getConnection()
      .execute(`select count(*) as total from centres where ${conditions}`, params);
    return Number(rows[0]?.total ?? 0);
  }
}

function viewOf(row: Row): CentreView {
  return {
    id: row.id,
    name: row.name,
    city: row.city,
    address: row.address,
    phone: row.phone,
    email: row.email,
    timezone: row.timezone,
    isActive: row.is_active,
    createdAt: new Date(row.created_at),
  };
}
