import { DeadlockException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '../../application/shared/app-errors.js';
import type { UnitOfWork } from '../../application/shared/ports/unit-of-work.js';
import { SLOT_CONSTRAINTS } from './schemas/appointment-schema.js';

/** One `em.transactional`: repositories holding the root em join it through MikroORM's context. */
export class MikroUnitOfWork implements UnitOfWork {
  constructor(private readonly em: EntityManager) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.em.transactional(() => work());
    } catch (error) {
      throw raceConflict(error) ?? error;
    }
  }
}

/** A transaction that lost a race to a concurrent writer: a conflict for the client, not a server fault. */
export function raceConflict(error: unknown): ConflictError | null {
  // A racing writer took the same unique value first.
  if (error instanceof UniqueConstraintViolationException) {
    return new ConflictError('DUPLICATE_ENTRY', 'Resource already exists');
  }
  // Racing bookings meet in the overlap constraints (23P01) or, under load, in a deadlock (40P01) or a
  // serialization failure (40001): MikroORM raises the last two as DeadlockException.
  const code = sqlStateOf(error);
  const overlap = code === '23P01' && SLOT_CONSTRAINTS.includes(constraintOf(error));
  if (overlap || error instanceof DeadlockException || code === '40P01' || code === '40001') {
    return new ConflictError('SLOT_UNAVAILABLE', 'This time slot is no longer available');
  }
  return null;
}

function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, sqlState } = error as { code?: unknown; sqlState?: unknown };
  if (typeof code === 'string') return code;
  return typeof sqlState === 'string' ? sqlState : undefined;
}

function constraintOf(error: unknown): string {
  const constraint = (error as { constraint?: unknown }).constraint;
  return typeof constraint === 'string' ? constraint : '';
}
