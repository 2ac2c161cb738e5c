import * as v from 'valibot';
import type { StaffView } from '../../../../application/identity/staff/staff-reads.js';
import { roleName, STAFF_ROLE_NAMES } from '../../../../domain/identity/role.js';

/** A staff account as the API shows it: the password hash is not even in the view it is made from. */
export function userView(view: StaffView) {
  return {
    id: view.id,
    fullName: view.fullName,
    phone: view.phone,
    email: view.email,
    username: view.username,
    roleId: view.roleId,
    roleName: roleName(view.roleId),
    centreId: view.centreId,
    isActive: view.isActive,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}

export const UserData = v.object({
  id: v.number(),
  fullName: v.string(),
  phone: v.string(),
  email: v.nullable(v.string()),
  username: v.nullable(v.string()),
  roleId: v.number(),
  roleName: v.picklist(STAFF_ROLE_NAMES),
  centreId: v.nullable(v.number()),
  isActive: v.boolean(),
  createdAt: v.string(),
  updatedAt: v.string(),
});
