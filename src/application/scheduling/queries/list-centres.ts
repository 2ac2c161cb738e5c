import type { Page } from '../../shared/page.js';
import type { Actor } from '../../shared/actor.js';
import { centreScopeOf } from '../centre-access.js';
import type { CentreReads, CentreView } from '../ports/centre-reads.js';

export interface ListCentres {
  city?: string;
  page: number;
  limit: number;
}

export class ListCentresHandler {
  constructor(private readonly reads: CentreReads) {}

  execute(input: ListCentres, actor: Actor): Promise<Page<CentreView>> {
    const scope = centreScopeOf(actor);
    return this.reads.list({
      ...(input.city !== undefined ? { city: input.city } : {}),
      ...(scope.onlyCentreId !== null ? { onlyCentreId: scope.onlyCentreId } : {}),
      includeInactive: scope.includeInactive,
      page: input.page,
      limit: input.limit,
    });
  }
}
