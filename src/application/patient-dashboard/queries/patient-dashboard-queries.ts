import type { PatientActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type {
  DashboardOverview,
  PatientDashboardReads,
  PatientProfile,
} from '../ports/patient-dashboard-reads.js';

/** How many coming sessions and recent payments the overview shows (the lists have their own routes). */
export const OVERVIEW_ITEMS = 5;

/** The calling patient's overview and profile: the actor's id is the only filter there is. */
export class PatientDashboardQueries {
  constructor(
    private readonly reads: PatientDashboardReads,
    private readonly clock: Clock,
  ) {}

  overview(actor: PatientActor): Promise<DashboardOverview> {
    return this.reads.overview(actor.patientId, this.clock.now(), OVERVIEW_ITEMS);
  }

  async profile(actor: PatientActor): Promise<PatientProfile> {
    const profile = await this.reads.profile(actor.patientId);
    if (!profile) throw new NotFoundError('Patient');
    return profile;
  }
}
