import { centreReachOf } from '../booking/appointment-visibility.js';
import type { StaffActor } from '../shared/actor.js';
import type { CentreScope } from './ports/analytics-reads.js';

/** Centre ids start at 1 in their sequence: a scope of 0 matches no record at all. */
const NO_CENTRE = 0;

/**
 * Which centre's figures a caller sees. A CENTRE_MANAGER (any account tied to a centre) sees their own
 * centre whatever `centreId` they send (CONTRACT.md: a filter outside the caller's scope is replaced
 * by their own); a centre manager tied to no centre sees nothing.
 */
export function analyticsScopeOf(actor: StaffActor, requested: number | undefined): CentreScope {
  const reach = centreReachOf(actor);
  if (reach === 'none') return NO_CENTRE;
  if (reach !== 'all') return reach;
  return requested ?? null;
}
