import { Container } from 'inversify';
import type Koa from 'koa';
import type { Logger } from 'pino';
import { createHttpApp } from '../adapters/http/app.js';
import { createLogger } from '../adapters/logging/logger.js';
import { ensureBootstrapAdmin } from './bootstrap-admin.js';
import type { Config } from './config.js';
import { openInfrastructure, type DatabaseOverride, type Infrastructure } from './infrastructure.js';
import { bindAppointmentReads } from './modules/appointment-reads.module.js';
import { bindBooking } from './modules/booking.module.js';
import { bindClinicians } from './modules/clinicians.module.js';
import { bindCore } from './modules/core.module.js';
import { bindHttp } from './modules/http.module.js';
import { bindIdentity } from './modules/identity.module.js';
import { bindMessaging } from './modules/messaging.module.js';
import { bindScheduling } from './modules/scheduling.module.js';
import { T } from './tokens.js';

export interface Api {
  app: Koa;
  container: Container;
  infra: Infrastructure;
  logger: Logger;
  close(): Promise<void>;
}

export interface ApiOptions {
  logger?: Logger;
  database?: DatabaseOverride;
}

/** Wires the whole API from configuration: infrastructure first, then one module per concern. */
export async function createApi(config: Config, options: ApiOptions = {}): Promise<Api> {
  const logger = options.logger ?? createLogger(config.env.LOG_LEVEL);
  const container = new Container();
  const startedAt = Date.now();
  bindMessaging(container, config);
  bindIdentity(container);
  bindScheduling(container);
  bindClinicians(container);
  bindBooking(container, config);
  bindAppointmentReads(container);
  bindHttp(container, startedAt);
  const infra = await openInfrastructure(config, logger, {
    ...(options.database ? { database: options.database } : {}),
    afterMigrate: (orm) => ensureBootstrapAdmin(config, orm, logger),
  });
  bindCore(container, config, logger, infra);
  const app = createHttpApp({
    endpoints: container.get(T.Endpoints),
    logger,
    metrics: container.get(T.HttpMetrics),
    rateLimits: container.get(T.RateLimits),
    authenticate: (token) => container.get(T.AuthenticateCaller).execute(token),
    corsOrigins: config.corsOrigins,
    production: config.production,
    jsonLimitKb: config.env.JSON_BODY_LIMIT_KB,
    trustProxy: config.env.TRUST_PROXY,
  });
  return { app, container, infra, logger, close: () => infra.close() };
}
