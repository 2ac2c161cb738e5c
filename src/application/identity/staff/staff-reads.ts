import type { StaffRoleId } from '../../../domain/identity/role.js';
import type { Page } from '../../shared/page.js';

/** A staff account as lists and lookups show it: never the password hash, never a loaded aggregate. */
export interface StaffView {
  id: number;
  fullName: string;
  phone: string;
  email: string | null;
  username: string | null;
  roleId: StaffRoleId;
  centreId: number | null;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface StaffListFilter {
  roleId?: number;
  centreId?: number;
  page: number;
  limit: number;
}

/** The query side of staff accounts: deleted accounts are never read here. */
export interface StaffReads {
  list(filter: StaffListFilter): Promise<Page<StaffView>>;
  byId(id: number): Promise<StaffView | null>;
}
