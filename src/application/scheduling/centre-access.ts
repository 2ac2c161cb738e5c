import { Roles } from '../../domain/identity/role.js';
import type { Centre } from '../../domain/scheduling/centre.js';
import type { Actor, StaffActor } from '../shared/actor.js';
import { NotFoundError } from '../shared/app-errors.js';
import type { CentreRepository } from './ports/centre-repository.js';

/** Which centres a caller may read (CONTRACT.md, "Who may call what"). */
export interface CentreScope {
  onlyCentreId: number | null;
  includeInactive: boolean;
}

export function centreScopeOf(actor: Actor): CentreScope {
  if (actor.kind === 'patient') return { onlyCentreId: null, includeInactive: false };
  // A staff account tied to a centre sees that centre only, active or not: it is where they work.
  if (actor.centreId !== null) return { onlyCentreId: actor.centreId, includeInactive: true };
  // ADMIN and MANAGER also see inactive centres, so they can find and reactivate them.
  const managesCentres = actor.roleId === Roles.ADMIN || actor.roleId === Roles.MANAGER;
  return { onlyCentreId: null, includeInactive: managesCentres };
}

export function scopeAllows(scope: CentreScope, centre: { id: number; isActive: boolean }): boolean {
  if (scope.onlyCentreId !== null && scope.onlyCentreId !== centre.id) return false;
  return centre.isActive || scope.includeInactive;
}

/**
 * The centre a write by id acts on. Deleted centres, other centres for a centre-bound account and
 * every centre for a CENTRE_MANAGER with none of its own answer 404: their existence is not revealed.
 */
export async function centreToChange(
  centres: CentreRepository,
  id: number,
  actor: StaffActor,
): Promise<Centre> {
  const centre = await centres.findById(id);
  const reaches = actor.centreId !== null ? actor.centreId === id : actor.roleId !== Roles.CENTRE_MANAGER;
  if (!centre || centre.isDeleted() || !reaches) throw new NotFoundError('Centre');
  return centre;
}
