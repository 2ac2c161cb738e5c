import type { EntityManager } from '@mikro-orm/postgresql';
import type { CentreRepository } from '../../../application/scheduling/ports/centre-repository.js';
import type { Centre } from '../../../domain/scheduling/centre.js';
import { CentreSchema } from '../schemas/centre-schema.js';

export class MikroCentreRepository implements CentreRepository {
  constructor(private readonly em: EntityManager) {}

  findById(id: number): Promise<Centre | null> {
    return this.em.findOne(CentreSchema, { id });
  }

  /** Flushes so the new row has its id at once (inside the caller's transaction). */
  async add(centre: Centre): Promise<void> {
    this.em.persist(centre);
    await this.em.flush();
  }
}
