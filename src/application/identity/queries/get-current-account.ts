import type { Patient } from '../../../domain/identity/patient.js';
import type { StaffUser } from '../../../domain/identity/staff-user.js';
import type { PatientActor, StaffActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { PatientRepository, StaffUserRepository } from '../ports/identity-repositories.js';

export class GetCurrentStaffHandler {
  constructor(private readonly staff: StaffUserRepository) {}

  async execute(actor: StaffActor): Promise<StaffUser> {
    const user = await this.staff.findById(actor.userId);
    if (!user) throw new NotFoundError('User');
    return user;
  }
}

export class GetCurrentPatientHandler {
  constructor(private readonly patients: PatientRepository) {}

  async execute(actor: PatientActor): Promise<Patient> {
    const patient = await this.patients.findById(actor.patientId);
    if (!patient) throw new NotFoundError('Patient');
    return patient;
  }
}
