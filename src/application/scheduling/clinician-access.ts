import type { Clinician } from '../../domain/scheduling/clinician.js';
import { Roles } from '../../domain/identity/role.js';
import type { Actor } from '../shared/actor.js';
import { NotFoundError } from '../shared/app-errors.js';
import type { ClinicianRepository } from './ports/clinician-repository.js';

/** ADMIN, MANAGER and CENTRE_MANAGER manage clinicians and see inactive ones and their contacts. */
export function managesClinicians(actor: Actor | null): boolean {
  return (
    actor?.kind === 'staff' &&
    [Roles.ADMIN, Roles.MANAGER, Roles.CENTRE_MANAGER].some((role) => role === actor.roleId)
  );
}

/** A centre-bound manager reaches only the clinicians of their centre; everyone else is not found. */
export function centreScopeOf(actor: Actor | null): number | null {
  return actor?.kind === 'staff' && actor.centreId !== null ? actor.centreId : null;
}

/** The clinician the caller may change: exists, not deleted, and within the caller's centre. */
export async function manageableClinician(
  repo: ClinicianRepository,
  id: number,
  actor: Actor,
): Promise<Clinician> {
  const clinician = await repo.findById(id);
  const scope = centreScopeOf(actor);
  if (!clinician || clinician.deletedAt !== null || (scope !== null && clinician.primaryCentreId !== scope)) {
    throw new NotFoundError('Clinician');
  }
  return clinician;
}
