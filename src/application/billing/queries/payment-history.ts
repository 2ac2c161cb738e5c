import { centreReachOf } from '../../booking/appointment-visibility.js';
import type { Actor } from '../../shared/actor.js';
import type { Page } from '../../shared/page.js';
import type { PaymentHistoryFilter, PaymentHistoryItem, PaymentReads } from '../ports/payment-reads.js';

/**
 * Payment history. A patient sees only their own (any patient filter is replaced by them); staff tied
 * to a centre see that centre's, whatever centre they ask for (CONTRACT.md: a filter outside the
 * caller's scope is replaced by the caller's own scope).
 */
export class PaymentHistoryHandler {
  constructor(private readonly reads: PaymentReads) {}

  execute(filter: PaymentHistoryFilter, actor: Actor): Promise<Page<PaymentHistoryItem>> {
    if (actor.kind === 'patient') return this.reads.history({ ...filter, patientId: actor.patientId });
    const reach = centreReachOf(actor);
    if (reach === 'none') return Promise.resolve({ items: [], total: 0 });
    return this.reads.history(reach === 'all' ? filter : { ...filter, centreId: reach });
  }
}
