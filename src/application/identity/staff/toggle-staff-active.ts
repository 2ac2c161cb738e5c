import type { StaffActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { RefreshSessionRepository, StaffUserRepository } from '../ports/identity-repositories.js';
import { assertStaffActionAllowed, reachableStaff, type AccountStateCache } from './staff-access.js';

/** Flips an account between active and inactive; deactivating signs it out everywhere at once. */
export class ToggleStaffActiveHandler {
  constructor(
    private readonly staff: StaffUserRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly accounts: AccountStateCache,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Answers whether the account is active afterwards. */
  async execute(id: number, actor: StaffActor): Promise<boolean> {
    const active = await this.uow.run(async () => {
      const user = await reachableStaff(this.staff, id, actor);
      const target = { id: user.id, roleId: user.roleId };
      assertStaffActionAllowed(actor, { kind: 'toggle', target, deactivates: user.isActive });
      const now = this.clock.now();
      user.setActive(!user.isActive, now);
      if (!user.isActive) await this.sessions.revokeAllOf('staff', user.id, now);
      return user.isActive;
    });
    this.accounts.forget('staff', id);
    return active;
  }
}
