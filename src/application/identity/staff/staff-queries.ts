import type { StaffActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Page } from '../../shared/page.js';
import { staffScopeOf } from './staff-access.js';
import type { StaffListFilter, StaffReads, StaffView } from './staff-reads.js';

/** Lists and lookups of staff accounts, limited to the caller's centre when they are tied to one. */
export class StaffQueries {
  constructor(private readonly reads: StaffReads) {}

  list(filter: StaffListFilter, actor: StaffActor): Promise<Page<StaffView>> {
    // A filter outside the caller's scope is replaced by the caller's own scope (CONTRACT.md).
    const scope = staffScopeOf(actor);
    return this.reads.list(scope === null ? filter : { ...filter, centreId: scope });
  }

  async get(id: number, actor: StaffActor): Promise<StaffView> {
    const view = await this.reads.byId(id);
    const scope = staffScopeOf(actor);
    if (!view || (scope !== null && view.centreId !== scope)) throw new NotFoundError('User');
    return view;
  }
}
