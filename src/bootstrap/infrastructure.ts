import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../adapters/persistence/embedded-postgres.js';
import { migrateUnderLock } from '../adapters/persistence/migrate.js';
import { openOrm } from '../adapters/persistence/orm.js';
import { PlatformSettings } from '../adapters/persistence/platform-settings.js';
import { listenForSlotChanges } from '../adapters/persistence/slot-changes/listen-for-slot-changes.js';
import type { SlotChangeFeed } from '../adapters/persistence/slot-changes/slot-change-feed.js';
import type { Config } from './config.js';

/** A database chosen by a caller instead of the configured one (tests give each file its own). */
export interface DatabaseOverride {
  url: string;
  poolMax: number;
  /** Advisory-lock the migrations (true for a server; false for embedded PGlite, one process only). */
  lock: boolean;
}

export interface Infrastructure {
  orm: MikroORM;
  redis: Redis | null;
  jwtSecrets: { access: string; refresh: string };
  databaseLabel: string;
  /** Committed changes to open-slot inputs, for this process's slot cache (null: no cache). */
  slotChanges: SlotChangeFeed | null;
  close(): Promise<void>;
}

/** Connects the database (server or embedded) and Redis, applies migrations, settles JWT secrets. */
export async function openInfrastructure(
  config: Config,
  logger: Logger,
  options: {
    database?: DatabaseOverride;
    afterMigrate?: (orm: MikroORM) => Promise<void>;
    /** Listen for slot changes (API processes, when SLOT_CACHE_TTL_MS > 0). */
    slotChanges?: boolean;
  } = {},
): Promise<Infrastructure> {
  let embedded: EmbeddedPostgres | undefined;
  let database = options.database;
  if (!database) {
    if (config.database.kind === 'server') {
      database = { url: config.database.url, poolMax: config.env.DB_POOL_MAX, lock: true };
    } else {
      embedded = await startEmbeddedPostgres(config.database.dataDir);
      database = { url: embedded.url, poolMax: 1, lock: false };
    }
  }
  const orm = await openOrm({ url: database.url, poolMax: database.poolMax, logger });
  try {
    await migrateUnderLock(
      orm,
      database.lock ? database.url : null,
      () => options.afterMigrate?.(orm) ?? Promise.resolve(),
    );
    const jwtSecrets = await jwtSecretsOf(config, orm);
    const redis = config.env.REDIS_URL ? connectRedis(config.env.REDIS_URL, logger) : null;
    const slotChanges =
      options.slotChanges && config.env.SLOT_CACHE_TTL_MS > 0
        ? await listenForSlotChanges(orm, database.lock ? { url: database.url } : 'embedded', logger)
        : null;
    return {
      orm,
      redis,
      jwtSecrets,
      slotChanges,
      databaseLabel: embedded
        ? `embedded PGlite in ${config.database.kind === 'embedded' ? config.database.dataDir : '?'}`
        : 'PostgreSQL server',
      async close() {
        await slotChanges?.stop();
        if (redis) await redis.quit().catch(() => redis.disconnect());
        await orm.close(true);
        await embedded?.close();
      },
    };
  } catch (error) {
    await orm.close(true).catch(() => undefined);
    await embedded?.close().catch(() => undefined);
    throw error;
  }
}

/** Outside production, unset secrets are generated once and kept in the database so all processes agree. */
async function jwtSecretsOf(config: Config, orm: MikroORM): Promise<Infrastructure['jwtSecrets']> {
  const settings = new PlatformSettings(orm);
  const generate = () => randomBytes(48).toString('base64url');
  return {
    access: config.env.JWT_SECRET ?? (await settings.getOrCreate('jwt_access_secret', generate)),
    refresh: config.env.JWT_REFRESH_SECRET ?? (await settings.getOrCreate('jwt_refresh_secret', generate)),
  };
}

/** Never queues commands while Redis is away: callers fall back at once instead of waiting. */
function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
  let lastWarning = 0;
  redis.on('error', (error: Error) => {
    if (Date.now() - lastWarning > 30_000) {
      lastWarning = Date.now();
      logger.warn(
        { err: { message: error.message } },
        'redis unavailable; rate limits fall back to this process',
      );
    }
  });
  return redis;
}
