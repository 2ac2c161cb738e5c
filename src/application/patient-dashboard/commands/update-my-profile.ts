import type { PatientDetails } from '../../../domain/identity/patient-profile.js';
import type { PatientRepository } from '../../identity/ports/identity-repositories.js';
import type { PatientActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';

/**
 * What a patient may change about themselves (the spec's profile fields). The phone is their login
 * and stays with staff; medical history and lead source are the clinic's. `null` clears a field.
 */
export type ProfileChanges = Partial<Omit<PatientDetails, 'phone'>>;

/** The Patient aggregate checks every value (email, a birth date in the past, blood group, phones). */
export class UpdateMyProfileHandler {
  constructor(
    private readonly patients: PatientRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(changes: ProfileChanges, actor: PatientActor): Promise<void> {
    return this.uow.run(async () => {
      const patient = await this.patients.findById(actor.patientId);
      if (!patient) throw new NotFoundError('Patient');
      patient.update(changes, this.clock.now());
    });
  }
}
