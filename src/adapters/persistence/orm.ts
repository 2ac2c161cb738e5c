import { Migrator } from '@mikro-orm/migrations';
import { RequestContext } from '@mikro-orm/core';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { scoped } from '../system/execution-scope.js';
import type { Logger } from 'pino';
import { migrationsList } from '../../../migrations/index.js';
import { AppointmentSchema } from './schemas/appointment-schema.js';
import { CentreSchema } from './schemas/centre-schema.js';
import { ClinicianSchema } from './schemas/clinician-schema.js';
import { identitySchemas } from './schemas/identity-schemas.js';
import { MedicalNoteSchema } from './schemas/medical-note-schema.js';
import { PaymentSchema } from './schemas/payment-schema.js';

export const entitySchemas = [
  ...identitySchemas,
  CentreSchema,
  ClinicianSchema,
  AppointmentSchema,
  MedicalNoteSchema,
  PaymentSchema,
];

export interface OrmOptions {
  url: string;
  poolMax: number;
  /** Where the driver's own warnings go (otherwise knex prints them to the console). */
  logger?: Logger;
}

/** MikroORM over PostgreSQL (a server, or embedded PGlite on a loopback socket). */
export async function openOrm({ url, poolMax, logger }: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities: entitySchemas,
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: poolMax, acquireTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 },
    driverOptions: {
      connection: { connectionTimeoutMillis: 5_000 },
      log: {
        warn: (message: unknown) => logger?.warn({ driver: String(message) }, 'database driver warning'),
        error: (message: unknown) => logger?.error({ driver: String(message) }, 'database driver error'),
        deprecate: () => undefined,
        debug: () => undefined,
      },
    },
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    debug: false,
  });
  // Each request or job gets its own entity manager, forked only when it first touches the ORM: a
  // fork costs more than a whole health check. Outside a scope, RequestContext.create still works.
  const forkKey = Symbol('entity-manager');
  orm.config.set(
    'context',
    (name: string) =>
      scoped(forkKey, () => orm.em.fork({ disableContextResolution: true })) ??
      RequestContext.getEntityManager(name),
  );
  return orm;
}
