import { staffActionRefusal, type StaffAction } from '../../../domain/identity/staff-permissions.js';
import type { StaffUser } from '../../../domain/identity/staff-user.js';
import type { StaffActor } from '../../shared/actor.js';
import { ForbiddenError, NotFoundError } from '../../shared/app-errors.js';
import type { StaffUserRepository } from '../ports/identity-repositories.js';

/** What the request authenticator remembers of an account; forgetting makes a change count at once. */
export interface AccountStateCache {
  forget(kind: 'staff' | 'patient', id: number): void;
}

/** Staff tied to a centre reach that centre's accounts only (CONTRACT.md); null reaches every account. */
export function staffScopeOf(actor: StaffActor): number | null {
  return actor.centreId;
}

/** An account the caller may see: exists, not deleted, within the caller's centre; else not found. */
export async function reachableStaff(
  staff: StaffUserRepository,
  id: number,
  actor: StaffActor,
): Promise<StaffUser> {
  const user = await staff.findById(id);
  const scope = staffScopeOf(actor);
  if (!user || user.deletedAt !== null || (scope !== null && user.centreId !== scope)) {
    throw new NotFoundError('User');
  }
  return user;
}

export function assertStaffActionAllowed(actor: StaffActor, action: StaffAction): void {
  const refusal = staffActionRefusal({ id: actor.userId, roleId: actor.roleId }, action);
  if (refusal !== null) throw new ForbiddenError(refusal);
}
