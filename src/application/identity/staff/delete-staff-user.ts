import { Roles } from '../../../domain/identity/role.js';
import type { StaffActor } from '../../shared/actor.js';
import { ConflictError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { RefreshSessionRepository, StaffUserRepository } from '../ports/identity-repositories.js';
import { assertStaffActionAllowed, reachableStaff, type AccountStateCache } from './staff-access.js';

/**
 * Soft delete: the row stays for history, the account can no longer log in and is signed out
 * everywhere, and its phone, email and username are free for a new account.
 */
export class DeleteStaffUserHandler {
  constructor(
    private readonly staff: StaffUserRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly accounts: AccountStateCache,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(id: number, actor: StaffActor): Promise<void> {
    await this.uow.run(async () => {
      const user = await reachableStaff(this.staff, id, actor);
      assertStaffActionAllowed(actor, { kind: 'delete', target: { id: user.id, roleId: user.roleId } });
      // Deleting only the login would leave a bookable clinician nobody can sign in as.
      if (user.roleId === Roles.CLINICIAN) {
        throw new ConflictError(
          'INVALID_STATE_TRANSITION',
          'Clinician accounts are deleted through DELETE /api/clinicians/:id',
        );
      }
      const now = this.clock.now();
      user.softDelete(now);
      await this.sessions.revokeAllOf('staff', user.id, now);
    });
    this.accounts.forget('staff', id);
  }
}
