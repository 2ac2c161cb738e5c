import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { migrationsList } from '../../../migrations/index.js';
import { identitySchemas } from './schemas/identity-schemas.js';

export const entitySchemas = [...identitySchemas];

export interface OrmOptions {
  url: string;
  poolMax: number;
}

/** MikroORM over PostgreSQL (a server, or embedded PGlite on a loopback socket). */
export async function openOrm({ url, poolMax }: OrmOptions): Promise<MikroORM> {
  return MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities: entitySchemas,
    extensions: [Migrator],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: poolMax, acquireTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 },
    driverOptions: { connection: { connectionTimeoutMillis: 5_000 } },
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    debug: false,
  });
}
