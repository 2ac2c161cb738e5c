import type { Container } from 'inversify';
import { analyticsRoutes } from '../../adapters/http/routes/analytics/analytics-routes.js';
import { SqlAnalyticsReads } from '../../adapters/persistence/reads/analytics-reads.js';
import { AnalyticsQueries } from '../../application/analytics/queries/analytics-queries.js';
import { T } from '../tokens.js';

/** `/api/analytics/*`: reads only, every figure computed in SQL. */
export function bindAnalytics(c: Container): void {
  c.bind(T.AnalyticsReads)
    .toDynamicValue((x) => new SqlAnalyticsReads(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.AnalyticsQueries)
    .toDynamicValue((x) => new AnalyticsQueries(x.get(T.AnalyticsReads), x.get(T.Clock)))
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) => analyticsRoutes(x.get(T.AnalyticsQueries)))
    .inSingletonScope();
}
