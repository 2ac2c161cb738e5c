import { assertAcceptablePassword } from '../../../domain/identity/password-policy.js';
import { Roles } from '../../../domain/identity/role.js';
import { StaffUser } from '../../../domain/identity/staff-user.js';
import { Clinician, type ClinicianProfile } from '../../../domain/scheduling/clinician.js';
import type { StaffUserRepository } from '../../identity/ports/identity-repositories.js';
import type { SecretHasher } from '../../identity/ports/secret-hasher.js';
import type { StaffActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { NotFoundError } from '../../shared/app-errors.js';
import { centreScopeOf } from '../clinician-access.js';
import { liveCentre } from '../live-centre.js';
import type { CentreRepository } from '../ports/centre-repository.js';
import type { ClinicianRepository } from '../ports/clinician-repository.js';

export interface CreateClinician extends ClinicianProfile {
  fullName: string;
  phone: string;
  email: string | null;
  username: string | null;
  password: string;
}

/** A clinician and their staff login (role CLINICIAN) are created together or not at all. */
export class CreateClinicianHandler {
  constructor(
    private readonly staff: StaffUserRepository,
    private readonly clinicians: ClinicianRepository,
    private readonly centres: CentreRepository,
    private readonly hasher: SecretHasher,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(
    input: CreateClinician,
    actor: StaffActor,
  ): Promise<{ id: number; userId: number; fullName: string }> {
    const { fullName, phone, email, username, password, ...profile } = input;
    const scope = centreScopeOf(actor);
    // A centre-bound manager adds clinicians to their own centre only; another centre is out of scope.
    if (scope !== null && scope !== profile.primaryCentreId) throw new NotFoundError('Centre');
    // The same policy as every other staff account: a clinician's login reaches clinical records.
    assertAcceptablePassword(password, { phone, username, email });
    const passwordHash = await this.hasher.hash(password);
    return this.uow.run(async () => {
      await liveCentre(this.centres, profile.primaryCentreId);
      const now = this.clock.now();
      const user = StaffUser.register(
        {
          fullName,
          phone,
          email,
          username,
          passwordHash,
          roleId: Roles.CLINICIAN,
          centreId: profile.primaryCentreId,
        },
        now,
      );
      await this.staff.add(user);
      const clinician = Clinician.register(user.id, profile, now);
      await this.clinicians.add(clinician);
      return { id: clinician.id, userId: user.id, fullName: user.fullName };
    });
  }
}
