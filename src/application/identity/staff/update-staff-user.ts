import { assertAcceptablePassword } from '../../../domain/identity/password-policy.js';
import { Roles, type StaffRoleId } from '../../../domain/identity/role.js';
import type { StaffUser } from '../../../domain/identity/staff-user.js';
import { InvalidValueError } from '../../../domain/shared/domain-error.js';
import { liveCentre } from '../../scheduling/live-centre.js';
import type { CentreRepository } from '../../scheduling/ports/centre-repository.js';
import type { StaffActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { RefreshSessionRepository, StaffUserRepository } from '../ports/identity-repositories.js';
import type { SecretHasher } from '../ports/secret-hasher.js';
import {
  assertStaffActionAllowed,
  reachableStaff,
  staffScopeOf,
  type AccountStateCache,
} from './staff-access.js';
import { assertContactsFree } from './unique-contacts.js';

export interface UpdateStaffUser {
  fullName?: string;
  phone?: string;
  email?: string | null;
  username?: string | null;
  password?: string;
  roleId?: StaffRoleId;
  centreId?: number | null;
  isActive?: boolean;
}

/** Edits an account: details, password, role, centre, active. A new password signs the account out. */
export class UpdateStaffUserHandler {
  constructor(
    private readonly staff: StaffUserRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly centres: CentreRepository,
    private readonly hasher: SecretHasher,
    private readonly accounts: AccountStateCache,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(id: number, input: UpdateStaffUser, actor: StaffActor): Promise<void> {
    const { password, isActive, ...changes } = input;
    const passwordHash = password === undefined ? undefined : await this.hasher.hash(password);
    await this.uow.run(async () => {
      const user = await reachableStaff(this.staff, id, actor);
      const deactivates = isActive === false && user.isActive;
      assertStaffActionAllowed(actor, {
        kind: 'edit',
        target: { id: user.id, roleId: user.roleId },
        ...(changes.roleId !== undefined ? { newRoleId: changes.roleId } : {}),
        deactivates,
      });
      await this.checkRoleAndCentre(user, changes, actor);
      await assertContactsFree(this.staff, changes, user);
      if (password !== undefined) {
        assertAcceptablePassword(password, {
          phone: changes.phone ?? user.phone,
          username: changes.username !== undefined ? changes.username : user.username,
          email: changes.email !== undefined ? changes.email : user.email,
        });
      }
      const now = this.clock.now();
      user.revise({ ...changes, ...(passwordHash !== undefined ? { passwordHash } : {}) }, now);
      if (isActive !== undefined) user.setActive(isActive, now);
      if (deactivates || password !== undefined) await this.sessions.revokeAllOf('staff', user.id, now);
    });
    this.accounts.forget('staff', id);
  }

  private async checkRoleAndCentre(user: StaffUser, changes: UpdateStaffUser, actor: StaffActor) {
    const roleChanges = changes.roleId !== undefined && changes.roleId !== user.roleId;
    // A clinician's login and profile belong together: both come and go through /api/clinicians.
    if (roleChanges && (changes.roleId === Roles.CLINICIAN || user.roleId === Roles.CLINICIAN)) {
      throw new InvalidValueError('roleId', 'Clinician accounts are managed through /api/clinicians');
    }
    const centreChanges = changes.centreId !== undefined && changes.centreId !== user.centreId;
    if (centreChanges && user.roleId === Roles.CLINICIAN) {
      throw new InvalidValueError('centreId', "A clinician's centre is changed through /api/clinicians");
    }
    if (centreChanges) {
      if (staffScopeOf(actor) !== null) throw new NotFoundError('Centre');
      if (changes.centreId != null) await liveCentre(this.centres, changes.centreId);
    }
    const role = changes.roleId ?? user.roleId;
    const centreId = changes.centreId !== undefined ? changes.centreId : user.centreId;
    if (role === Roles.CENTRE_MANAGER && centreId === null) {
      throw new InvalidValueError('centreId', 'A CENTRE_MANAGER needs a centre');
    }
  }
}
