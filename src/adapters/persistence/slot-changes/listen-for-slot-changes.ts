import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { EmbeddedSlotChangeFeed } from './embedded-slot-change-feed.js';
import { ServerSlotChangeFeed } from './server-slot-change-feed.js';
import type { SlotChangeFeed } from './slot-change-feed.js';

const WRITE = /^\s*(insert|update|delete|truncate|merge|with\b[\s\S]*\b(insert|update|delete)\s)/i;

/**
 * Starts the feed for this database: a dedicated LISTEN connection on a server, the single pooled
 * session on embedded PGlite. Never fails start-up: until it listens, the cache is bypassed.
 */
export async function listenForSlotChanges(
  orm: MikroORM,
  database: { url: string } | 'embedded',
  logger: Logger,
): Promise<SlotChangeFeed> {
  if (database === 'embedded') {
    const feed = new EmbeddedSlotChangeFeed(orm, logger);
    await feed.start().catch((error: unknown) => {
      logger.warn(
        { err: { message: String(error) } },
        'slot cache: cannot listen; serving from the database',
      );
    });
    return feed;
  }
  const feed = new ServerSlotChangeFeed(database.url, logger);
  // This process's own commits wait for their notifications: transactions (every UnitOfWork and
  // flush) once committed, and statements run outside one (raw SQL writes commit on their own). A
  // write inside a transaction (knex tags it with the transaction's id) commits nothing yet: its
  // transaction's commit is the one waited for, so it costs no round trip of its own.
  orm.em.getEventManager().registerSubscriber({ afterTransactionCommit: () => feed.localCommit() });
  orm.em
    .getConnection()
    .getKnex()
    .on('query-response', (_response: unknown, query: { sql?: string; __knexTxId?: string }) => {
      if (query.__knexTxId === undefined && query.sql !== undefined && WRITE.test(query.sql)) {
        feed.localCommit();
      }
    });
  await feed.start();
  return feed;
}
