import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '../../application/shared/app-errors.js';
import type { UnitOfWork } from '../../application/shared/ports/unit-of-work.js';

/** One `em.transactional`: repositories holding the root em join it through MikroORM's context. */
export class MikroUnitOfWork implements UnitOfWork {
  constructor(private readonly em: EntityManager) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.em.transactional(() => work());
    } catch (error) {
      // A racing writer took the same unique value first: a conflict, not a server fault.
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError('DUPLICATE_ENTRY', 'Resource already exists');
      }
      throw error;
    }
  }
}
