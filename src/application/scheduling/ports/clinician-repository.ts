import type { Clinician } from '../../../domain/scheduling/clinician.js';

export interface ClinicianRepository {
  findById(id: number): Promise<Clinician | null>;
  add(clinician: Clinician): Promise<void>;
}
