import type { Centre } from '../../../domain/scheduling/centre.js';
import type { StaffActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { centreToChange } from '../centre-access.js';
import type { CentreRepository } from '../ports/centre-repository.js';

export interface ToggleCentreActive {
  id: number;
}

export class ToggleCentreActiveHandler {
  constructor(
    private readonly centres: CentreRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: ToggleCentreActive, actor: StaffActor): Promise<Centre> {
    return this.uow.run(async () => {
      const centre = await centreToChange(this.centres, input.id, actor);
      centre.toggleActive(this.clock.now());
      return centre;
    });
  }
}
