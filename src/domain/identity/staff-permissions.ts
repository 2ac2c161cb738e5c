import { Roles, type StaffRoleId } from './role.js';

/** Who acts on a staff account: their own id and role. */
export interface StaffMember {
  id: number;
  roleId: StaffRoleId;
}

/** What an action does to a staff account, as far as roles and access are concerned. */
export type StaffAction =
  | { kind: 'create'; roleId: StaffRoleId }
  | { kind: 'edit'; target: StaffMember; newRoleId?: StaffRoleId; deactivates?: boolean }
  | { kind: 'toggle'; target: StaffMember; deactivates: boolean }
  | { kind: 'delete'; target: StaffMember };

/** ADMIN and MANAGER accounts: only an ADMIN creates or changes them (issue 5, CONTRACT.md). */
const SENIOR: readonly StaffRoleId[] = [Roles.ADMIN, Roles.MANAGER];

export const isSeniorRole = (roleId: StaffRoleId): boolean => SENIOR.includes(roleId);

/**
 * Why `actor` may not do `action`, or null when they may. The rules: only ADMIN and MANAGER manage
 * staff; a MANAGER never creates, edits, toggles or deletes an ADMIN or MANAGER account, nor gives
 * anyone either role; nobody changes their own role, deactivates or deletes themselves.
 */
export function staffActionRefusal(actor: StaffMember, action: StaffAction): string | null {
  if (!isSeniorRole(actor.roleId)) return 'Only ADMIN and MANAGER accounts manage staff';
  const actorIsManager = actor.roleId === Roles.MANAGER;
  if (action.kind === 'create') {
    return actorIsManager && isSeniorRole(action.roleId)
      ? 'A MANAGER cannot create ADMIN or MANAGER accounts'
      : null;
  }
  const { target } = action;
  if (actorIsManager && isSeniorRole(target.roleId)) {
    return 'A MANAGER cannot change ADMIN or MANAGER accounts';
  }
  const self = target.id === actor.id;
  if (action.kind === 'delete') return self ? 'You cannot delete your own account' : null;
  if (self && action.deactivates) return 'You cannot deactivate your own account';
  if (action.kind === 'edit' && action.newRoleId !== undefined && action.newRoleId !== target.roleId) {
    if (self) return 'You cannot change your own role';
    if (actorIsManager && isSeniorRole(action.newRoleId)) {
      return 'A MANAGER cannot give the ADMIN or MANAGER role';
    }
  }
  return null;
}
