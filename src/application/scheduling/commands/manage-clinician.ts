import type { ClinicianProfile } from '../../../domain/scheduling/clinician.js';
import type {
  RefreshSessionRepository,
  StaffUserRepository,
} from '../../identity/ports/identity-repositories.js';
import type { StaffActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { centreScopeOf, manageableClinician } from '../clinician-access.js';
import { liveCentre } from '../live-centre.js';
import type { CentreRepository } from '../ports/centre-repository.js';
import type { ClinicianRepository } from '../ports/clinician-repository.js';

export type UpdateClinician = Partial<ClinicianProfile>;

/** Profile changes, activation and soft deletion by ADMIN, MANAGER or the centre's manager. */
export class ManageClinicianHandler {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly centres: CentreRepository,
    private readonly staff: StaffUserRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  update(id: number, changes: UpdateClinician, actor: StaffActor): Promise<number> {
    return this.uow.run(async () => {
      const clinician = await manageableClinician(this.clinicians, id, actor);
      if (changes.primaryCentreId !== undefined && changes.primaryCentreId !== clinician.primaryCentreId) {
        const scope = centreScopeOf(actor);
        if (scope !== null) throw new NotFoundError('Centre');
        await liveCentre(this.centres, changes.primaryCentreId);
      }
      clinician.revise(changes, this.clock.now());
      return clinician.id;
    });
  }

  toggleActive(id: number, actor: StaffActor): Promise<boolean> {
    return this.uow.run(async () => {
      const clinician = await manageableClinician(this.clinicians, id, actor);
      clinician.toggleActive(this.clock.now());
      return clinician.isActive;
    });
  }

  /** The clinician leaves the clinic: profile kept for history, login deactivated and signed out. */
  softDelete(id: number, actor: StaffActor): Promise<void> {
    return this.uow.run(async () => {
      const now = this.clock.now();
      const clinician = await manageableClinician(this.clinicians, id, actor);
      clinician.softDelete(now);
      const user = await this.staff.findById(clinician.userId);
      if (user) {
        user.isActive = false;
        user.updatedAt = now;
      }
      await this.sessions.revokeAllOf('staff', clinician.userId, now);
    });
  }
}
