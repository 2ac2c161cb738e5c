import type { StaffActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { centreToChange } from '../centre-access.js';
import type { CentreRepository } from '../ports/centre-repository.js';

export interface DeleteCentre {
  id: number;
}

/** A soft delete: the centre leaves every list and lookup, its row and history stay. */
export class DeleteCentreHandler {
  constructor(
    private readonly centres: CentreRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: DeleteCentre, actor: StaffActor): Promise<void> {
    return this.uow.run(async () => {
      const centre = await centreToChange(this.centres, input.id, actor);
      centre.softDelete(this.clock.now());
    });
  }
}
