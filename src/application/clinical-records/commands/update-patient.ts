import type { PatientDetails } from '../../../domain/identity/patient-profile.js';
import type { PatientRepository } from '../../identity/ports/identity-repositories.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { recordOf, shapedFor, type PatientRecordBase } from '../patient-record-of.js';
import { phoneTaken, phoneTakenAsConflict } from './create-patient.js';

/** Any subset of the details; `null` clears an optional one. Medical history has its own route. */
export type PatientChanges = Partial<
  Pick<PatientDetails, 'fullName' | 'phone'> & {
    [K in Exclude<keyof PatientDetails, 'fullName' | 'phone'>]: PatientDetails[K];
  }
>;

export class UpdatePatientHandler {
  constructor(
    private readonly patients: PatientRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: { id: number; changes: PatientChanges }): Promise<PatientRecordBase> {
    return phoneTakenAsConflict(() =>
      this.uow.run(async () => {
        const patient = await this.patients.findById(input.id);
        if (!patient) throw new NotFoundError('Patient');
        const { phone } = input.changes;
        if (phone !== undefined && phone !== patient.phone && (await this.patients.findByPhone(phone)))
          throw phoneTaken();
        patient.update(input.changes, this.clock.now());
        return shapedFor(recordOf(patient), false);
      }),
    );
  }
}
