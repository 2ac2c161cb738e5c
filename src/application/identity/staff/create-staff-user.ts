import { assertAcceptablePassword } from '../../../domain/identity/password-policy.js';
import { Roles, type StaffRoleId } from '../../../domain/identity/role.js';
import { StaffUser } from '../../../domain/identity/staff-user.js';
import { InvalidValueError } from '../../../domain/shared/domain-error.js';
import { liveCentre } from '../../scheduling/live-centre.js';
import type { CentreRepository } from '../../scheduling/ports/centre-repository.js';
import type { StaffActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { StaffUserRepository } from '../ports/identity-repositories.js';
import type { SecretHasher } from '../ports/secret-hasher.js';
import { assertStaffActionAllowed, staffScopeOf } from './staff-access.js';
import { assertContactsFree } from './unique-contacts.js';

export interface CreateStaffUser {
  fullName: string;
  phone: string;
  email: string | null;
  username: string | null;
  password: string;
  roleId: StaffRoleId;
  centreId: number | null;
}

/**
 * A new staff login. Clinicians are the exception: their login comes with their profile from
 * POST /api/clinicians, so a CLINICIAN account without a profile can never exist.
 */
export class CreateStaffUserHandler {
  constructor(
    private readonly staff: StaffUserRepository,
    private readonly centres: CentreRepository,
    private readonly hasher: SecretHasher,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: CreateStaffUser, actor: StaffActor): Promise<number> {
    const { password, ...details } = input;
    if (details.roleId === Roles.CLINICIAN) {
      throw new InvalidValueError('roleId', 'Clinicians are created through POST /api/clinicians');
    }
    assertStaffActionAllowed(actor, { kind: 'create', roleId: details.roleId });
    // Staff tied to a centre add accounts to their own centre only; another centre is out of scope.
    const scope = staffScopeOf(actor);
    const centreId = details.centreId ?? scope;
    if (scope !== null && centreId !== scope) throw new NotFoundError('Centre');
    if (details.roleId === Roles.CENTRE_MANAGER && centreId === null) {
      throw new InvalidValueError('centreId', 'A CENTRE_MANAGER needs a centre');
    }
    assertAcceptablePassword(password, details);
    const passwordHash = await this.hasher.hash(password);
    return this.uow.run(async () => {
      if (centreId !== null) await liveCentre(this.centres, centreId);
      await assertContactsFree(this.staff, details);
      const user = StaffUser.register({ ...details, centreId, passwordHash }, this.clock.now());
      await this.staff.add(user);
      return user.id;
    });
  }
}
