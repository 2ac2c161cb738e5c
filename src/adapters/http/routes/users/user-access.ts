import type { CreateStaffUserHandler } from '../../../../application/identity/staff/create-staff-user.js';
import type { DeleteStaffUserHandler } from '../../../../application/identity/staff/delete-staff-user.js';
import type { StaffQueries } from '../../../../application/identity/staff/staff-queries.js';
import type { ToggleStaffActiveHandler } from '../../../../application/identity/staff/toggle-staff-active.js';
import type { UpdateStaffUserHandler } from '../../../../application/identity/staff/update-staff-user.js';
import { authErrors } from '../common-responses.js';

export interface UserHandlers {
  create: CreateStaffUserHandler;
  update: UpdateStaffUserHandler;
  toggle: ToggleStaffActiveHandler;
  remove: DeleteStaffUserHandler;
  queries: StaffQueries;
}

export const tag = 'Staff Management';
export const adminOnly = { kind: 'staff', roles: ['ADMIN'] } as const;
// CONTRACT.md: a MANAGER may toggle or edit any staff account except ADMIN and MANAGER accounts.
export const adminOrManager = { kind: 'staff', roles: ['ADMIN', 'MANAGER'] } as const;
export const staffErrors = authErrors(['VALIDATION_ERROR', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);
