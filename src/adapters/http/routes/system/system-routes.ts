import * as v from 'valibot';
import { timingSafeEqual } from 'node:crypto';
import { endpoint, publicAccess, type Endpoint } from '../../endpoint.js';
import { RouteNotFoundError, ServiceUnavailableError } from '../../http-errors.js';
import { UnauthorizedError } from '../../../../application/shared/app-errors.js';
import type { HttpMetrics } from '../../metrics.js';

export interface SystemDeps {
  databaseIsUp: () => Promise<boolean>;
  metrics: HttpMetrics;
  metricsToken: string | undefined;
  startedAt: number;
}

const HealthData = v.object({
  status: v.literal('healthy'),
  timestamp: v.string(),
  uptime: v.number(),
  database: v.literal('connected'),
});

export function systemRoutes(deps: SystemDeps): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/health',
      tag: 'System',
      summary: 'Service and database health',
      description:
        '503 SERVICE_UNAVAILABLE with the same fields in `details` when the database is unreachable.',
      access: publicAccess,
      rateLimit: 'none',
      responses: [
        { status: 200, description: 'Healthy', data: HealthData },
        { status: 503, description: 'SERVICE_UNAVAILABLE (database disconnected)' },
      ],
      handle: async () => {
        const timestamp = new Date().toISOString();
        const uptime = Math.floor((Date.now() - deps.startedAt) / 1000);
        if (!(await deps.databaseIsUp())) {
          throw new ServiceUnavailableError('Service unhealthy', {
            status: 'unhealthy',
            database: 'disconnected',
            timestamp,
            uptime,
          });
        }
        return { data: { status: 'healthy', timestamp, uptime, database: 'connected' } };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/metrics',
      tag: 'System',
      summary: 'Prometheus metrics (bearer METRICS_TOKEN; 404 while it is unset)',
      access: publicAccess,
      rateLimit: 'none',
      raw: true,
      responses: [{ status: 200, description: 'Prometheus text format' }],
      handle: async ({ koa }) => {
        if (!deps.metricsToken) throw new RouteNotFoundError();
        const presented = /^Bearer\s+(\S+)$/i.exec(koa.get('Authorization'))?.[1] ?? '';
        if (!sameSecret(presented, deps.metricsToken)) {
          throw new UnauthorizedError('UNAUTHORIZED', 'A valid metrics token is required');
        }
        koa.type = deps.metrics.registry.contentType;
        koa.body = await deps.metrics.registry.metrics();
      },
    }),
  ];
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
