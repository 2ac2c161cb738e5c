import type { Actor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import { centreScopeOf, scopeAllows } from '../centre-access.js';
import type { CentreReads, CentreView } from '../ports/centre-reads.js';

export interface GetCentre {
  id: number;
}

/** A centre outside the caller's scope answers 404, exactly like one that does not exist. */
export class GetCentreHandler {
  constructor(private readonly reads: CentreReads) {}

  async execute(input: GetCentre, actor: Actor): Promise<CentreView> {
    const centre = await this.reads.byId(input.id);
    if (!centre || !scopeAllows(centreScopeOf(actor), centre)) throw new NotFoundError('Centre');
    return centre;
  }
}
