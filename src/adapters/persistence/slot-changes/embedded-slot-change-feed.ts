import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import {
  parseSlotChange,
  SLOT_CHANGES_CHANNEL,
  SlotChangeListeners,
  type SlotChange,
  type SlotChangeFeed,
} from './slot-change-feed.js';

interface NotifyingConnection {
  on(event: 'notification', fn: (message: { channel: string; payload?: string }) => void): unknown;
  on(event: 'end' | 'error', fn: () => void): unknown;
}

interface TarnPool {
  on(event: 'createSuccess', fn: (eventId: number, connection: NotifyingConnection) => void): void;
  free: Array<{ resource: NotifyingConnection }>;
  used: Array<{ resource: NotifyingConnection }>;
}

/**
 * Embedded PGlite has one backend session, served to the ORM's single pooled connection. PGlite's
 * own `db.listen` only hears commits made through `db.query`, not those arriving on the socket, so
 * the session LISTENs once (it stays listening across socket reconnects) and the feed hears the
 * notifications on the pooled connection itself. They arrive in the same stream as the commit's
 * answer, before it: a commit is never visible before its eviction, so no barrier is needed.
 */
export class EmbeddedSlotChangeFeed implements SlotChangeFeed {
  private readonly listeners = new SlotChangeListeners();
  private readonly hooked = new WeakSet<NotifyingConnection>();
  private listening = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger?: Logger,
  ) {}

  get ready(): boolean {
    return this.listening;
  }

  onChange(listener: (change: SlotChange) => void): void {
    this.listeners.add(listener);
  }

  localCommit(): void {
    // notifications precede the commit's answer on the same connection
  }

  async start(): Promise<void> {
    const pool = (this.orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
    if (!pool) {
      this.logger?.warn('slot cache: no connection pool to listen on; serving from the database');
      return;
    }
    pool.on('createSuccess', (_id, connection) => this.hook(connection));
    for (const { resource } of [...pool.free, ...pool.used]) this.hook(resource);
    await this.orm.em.getConnection().execute(`listen ${SLOT_CHANGES_CHANNEL}`);
    this.listeners.emit('all');
    this.listening = true;
  }

  stop(): Promise<void> {
    this.listening = false;
    return Promise.resolve();
  }

  private hook(connection: NotifyingConnection): void {
    if (this.hooked.has(connection)) return;
    this.hooked.add(connection);
    connection.on('notification', (message) => {
      if (message.channel === SLOT_CHANGES_CHANNEL) this.listeners.emit(parseSlotChange(message.payload));
    });
    // A connection that fails may have taken notifications with it: forget everything cached.
    connection.on('error', () => this.listeners.emit('all'));
    connection.on('end', () => this.listeners.emit('all'));
  }
}
