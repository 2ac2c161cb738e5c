import type { Centre, CentreDetails } from '../../../domain/scheduling/centre.js';
import type { StaffActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { centreToChange } from '../centre-access.js';
import type { CentreRepository } from '../ports/centre-repository.js';
import { nameTakenAsConflict } from './create-centre.js';

export interface UpdateCentre {
  id: number;
  changes: Partial<CentreDetails>;
}

/** ADMIN and MANAGER edit any centre; a CENTRE_MANAGER only their own (the route admits the roles). */
export class UpdateCentreHandler {
  constructor(
    private readonly centres: CentreRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: UpdateCentre, actor: StaffActor): Promise<Centre> {
    return nameTakenAsConflict(() =>
      this.uow.run(async () => {
        const centre = await centreToChange(this.centres, input.id, actor);
        centre.update(input.changes, this.clock.now());
        return centre;
      }),
    );
  }
}
