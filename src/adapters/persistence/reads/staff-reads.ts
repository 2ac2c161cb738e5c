import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  StaffListFilter,
  StaffReads,
  StaffView,
} from '../../../application/identity/staff/staff-reads.js';
import type { Page } from '../../../application/shared/page.js';
import type { StaffRoleId } from '../../../domain/identity/role.js';

interface Row {
  id: number;
  full_name: string;
  phone: string;
  email: string | null;
  username: string | null;
  role_id: number;
  centre_id: number | null;
  is_active: boolean;
  created_at: Date | string;
  updated_at: Date | string;
  total?: string;
}

// The password hash is never selected: nothing on the read side can leak it.
const COLUMNS =
  'id, full_name, phone, email, username, role_id, centre_id, is_active, created_at, updated_at';

/** SQL over live (not deleted) staff accounts; the count comes with the page's rows. */
export class SqlStaffReads implements StaffReads {
  constructor(private readonly em: EntityManager) {}

  async list(filter: StaffListFilter): Promise<Page<StaffView>> {
    const where = ['deleted_at is null'];
    const params: unknown[] = [];
    if (filter.roleId !== undefined) {
      where.push('role_id = ?');
      params.push(filter.roleId);
    }
    if (filter.centreId !== undefined) {
      where.push('centre_id = ?');
      params.push(filter.centreId);
    }
    const conditions = where.join(' and ');
    const rows: Row[] = await this.em.getConnection().execute(
      `select ${COLUMNS}, count(*) over () as total from staff_users where ${conditions}
        order by id limit ? offset ?`,
      [...params, filter.limit, (filter.page - 1) * filter.limit],
    );
    // A page past the end has no rows to carry the count.
    const total = rows[0]?.total !== undefined ? Number(rows[0].total) : await this.count(conditions, params);
    return { items: rows.map(viewOf), total };
  }

  async byId(id: number): Promise<StaffView | null> {
    const rows: Row[] = await this.em
      .getConnection()
      .execute(`select ${COLUMNS} from staff_users where id = ? and deleted_at is null`, [id]);
    return rows[0] ? viewOf(rows[0]) : null;
  }

  private async count(conditions: string, params: unknown[]): Promise<number> {
    const rows: Array<{ total: string }> = await this.em
      .getConnection()
      .execute(`select count(*) as total from staff_users where ${conditions}`, params);
    return Number(rows[0]?.total ?? 0);
  }
}

function viewOf(row: Row): StaffView {
  return {
    id: row.id,
    fullName: row.full_name,
    phone: row.phone,
    email: row.email,
    username: row.username,
    roleId: row.role_id as StaffRoleId,
    centreId: row.centre_id,
    isActive: row.is_active,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
