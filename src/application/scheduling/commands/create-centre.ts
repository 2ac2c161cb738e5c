import { Centre, type NewCentre } from '../../../domain/scheduling/centre.js';
import { ConflictError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { CentreRepository } from '../ports/centre-repository.js';

export type CreateCentre = NewCentre;

export class CreateCentreHandler {
  constructor(
    private readonly centres: CentreRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: CreateCentre): Promise<Centre> {
    const centre = Centre.open(input, this.clock.now());
    await nameTakenAsConflict(() => this.uow.run(() => this.centres.add(centre)));
    return centre;
  }
}

/**
 * The database's unique index on name and city (live centres only) is the guard, racing writers
 * included; this names the rule in the answer.
 */
export async function nameTakenAsConflict<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ConflictError && error.code === 'DUPLICATE_ENTRY') {
      throw new ConflictError('DUPLICATE_ENTRY', 'A centre with this name already exists in this city');
    }
    throw error;
  }
}
