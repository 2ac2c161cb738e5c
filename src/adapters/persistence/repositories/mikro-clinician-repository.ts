import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClinicianRepository } from '../../../application/scheduling/ports/clinician-repository.js';
import type { Clinician } from '../../../domain/scheduling/clinician.js';
import { ClinicianSchema } from '../schemas/clinician-schema.js';

export class MikroClinicianRepository implements ClinicianRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: number): Promise<Clinician | null> {
    return this.em.findOne(ClinicianSchema, { id });
  }

  async add(clinician: Clinician): Promise<void> {
    this.em.persist(clinician);
    await this.em.flush();
  }
}
