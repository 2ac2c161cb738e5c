import { InvalidValueError } from '../shared/domain-error.js';

/** The spec's role ids (RBAC table). PATIENT is a role of its own kind: patients are not staff. */
export const Roles = {
  ADMIN: 1,
  MANAGER: 2,
  CLINICIAN: 3,
  CENTRE_MANAGER: 4,
  CARE_COORDINATOR: 5,
  FRONT_DESK: 6,
  PATIENT: 7,
} as const;

export type RoleName = keyof typeof Roles;
export type RoleId = (typeof Roles)[RoleName];
export type StaffRoleName = Exclude<RoleName, 'PATIENT'>;
export type StaffRoleId = (typeof Roles)[StaffRoleName];

export const STAFF_ROLE_NAMES: readonly StaffRoleName[] = [
  'ADMIN',
  'MANAGER',
  'CLINICIAN',
  'CENTRE_MANAGER',
  'CARE_COORDINATOR',
  'FRONT_DESK',
];

const NAME_BY_ID = new Map<number, RoleName>(
  Object.entries(Roles).map(([name, id]) => [id, name as RoleName]),
);

export function roleName(id: number): RoleName {
  const name = NAME_BY_ID.get(id);
  if (name === undefined) throw new InvalidValueError('roleId', `Unknown role id ${id}`);
  return name;
}

export function isStaffRoleId(id: number): id is StaffRoleId {
  return id !== Roles.PATIENT && NAME_BY_ID.has(id);
}
