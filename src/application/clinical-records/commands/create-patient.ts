import type { PatientDetails } from '../../../domain/identity/patient-profile.js';
import { Patient, type LeadSource } from '../../../domain/identity/patient.js';
import type { PatientRepository } from '../../identity/ports/identity-repositories.js';
import { ConflictError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { recordOf, shapedFor, type PatientRecordBase } from '../patient-record-of.js';

export type CreatePatient = Pick<PatientDetails, 'fullName' | 'phone'> &
  Partial<Omit<PatientDetails, 'fullName' | 'phone'>> & { source?: LeadSource | undefined };

/** Staff register a patient; one patient per phone, the phone being how they sign in later. */
export class CreatePatientHandler {
  constructor(
    private readonly patients: PatientRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: CreatePatient): Promise<PatientRecordBase> {
    const { source, ...details } = input;
    const patient = Patient.register(
      {
        email: null,
        dateOfBirth: null,
        gender: null,
        bloodGroup: null,
        emergencyContactName: null,
        emergencyContactPhone: null,
        ...details,
      },
      source ?? 'WALK_IN',
      this.clock.now(),
    );
    await phoneTakenAsConflict(() =>
      this.uow.run(async () => {
        if (await this.patients.findByPhone(patient.phone)) throw phoneTaken();
        await this.patients.add(patient);
      }),
    );
    return shapedFor(recordOf(patient), false);
  }
}

export function phoneTaken(): ConflictError {
  return new ConflictError('DUPLICATE_ENTRY', 'A patient with this phone number already exists');
}

/** The unique index on phone is the real guard (racing writers included); this names the rule. */
export async function phoneTakenAsConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'DUPLICATE_ENTRY') throw phoneTaken();
    throw error;
  }
}
