import { Container } from 'inversify';
import type Koa from 'koa';
import type { Logger } from 'pino';
import { createHttpApp } from '../adapters/http/app.js';
import { createLogger } from '../adapters/logging/logger.js';
import { ensureBootstrapAdmin } from './bootstrap-admin.js';
import type { Config } from './config.js';
import { openInfrastructure, type DatabaseOverride, type Infrastructure } from './infrastructure.js';
import { bindAnalytics } from './modules/analytics.module.js';
import { bindAppointmentReads } from './modules/appointment-reads.module.js';
import { bindBilling, razorpayKeysOf } from './modules/billing.module.js';
import { bindBooking } from './modules/booking.module.js';
import { bindClinicalRecords } from './modules/clinical-records.module.js';
import { bindClinicians } from './modules/clinicians.module.js';
import { bindCore } from './modules/core.module.js';
import { bindHttp } from './modules/http.module.js';
import { bindIdentity } from './modules/identity.module.js';
import { bindJobs } from './modules/jobs.module.js';
import { bindMessaging } from './modules/messaging.module.js';
import { bindPatientDashboard } from './modules/patient-dashboard.module.js';
import { bindScheduling } from './modules/scheduling.module.js';
import { bindStaff } from './modules/staff.module.js';
import { bindVideo } from './modules/video.module.js';
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
  /** Extra bindings made after the modules' (a worker's test job handlers). */
  bind?: (container: Container) => void;
}

/** Wires the whole API from configuration: infrastructure first, then one module per concern. */
export async function createApi(config: Config, options: ApiOptions = {}): Promise<Api> {
  const logger = options.logger ?? createLogger(config.env.LOG_LEVEL);
  const container = new Container();
  const startedAt = Date.now();
  bindMessaging(container, config);
  bindIdentity(container);
  bindStaff(container);
  bindScheduling(container);
  bindClinicians(container);
  bindBooking(container, config);
  bindBilling(container, config);
  bindAppointmentReads(container);
  bindClinicalRecords(container);
  bindVideo(container, config);
  bindPatientDashboard(container);
  bindAnalytics(container);
  bindHttp(container, startedAt);
  bindJobs(container, config, { workers: config.env.WORKER === 'on' });
  options.bind?.(container);
  const infra = await openInfrastructure(config, logger, {
    ...(options.database ? { database: options.database } : {}),
    afterMigrate: (orm) => ensureBootstrapAdmin(config, orm, logger),
    slotChanges: true,
  });
  bindCore(container, config, logger, infra);
  container.bind(T.RazorpayKeys).toConstantValue(await razorpayKeysOf(config, infra.orm));
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
  // Jobs start once everything is bound; closing stops them first and lets running jobs finish.
  const jobs = container.get(T.BackgroundJobs);
  jobs.start();
  const close = async () => {
    await jobs.close();
    await infra.close();
  };
  return { app, container, infra, logger, close };
}
