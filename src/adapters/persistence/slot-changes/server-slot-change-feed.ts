import pg from 'pg';
import type { Logger } from 'pino';
import {
  parseSlotChange,
  SLOT_CHANGES_CHANNEL,
  SlotChangeListeners,
  type SlotChange,
  type SlotChangeFeed,
} from './slot-change-feed.js';

export interface ServerFeedOptions {
  /** First reconnection delay, doubled after each failure up to `maxRetryMs`. */
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** How the connection shows in pg_stat_activity. */
  applicationName?: string;
}

/**
 * One dedicated connection per process doing `LISTEN`. Any loss of it stops the cache at once
 * (`ready` false, `all` emitted); it reconnects with backoff and flushes again once listening.
 *
 * A transaction this process just committed is reported by PostgreSQL on the listening connection a
 * moment later; until then `ready` stays false. A round trip on that connection is the barrier: a
 * server sends the notifications it has pending before answering the next query.
 */
export class ServerSlotChangeFeed implements SlotChangeFeed {
  private readonly listeners = new SlotChangeListeners();
  private client: pg.Client | null = null;
  private listening = false;
  private stopped = false;
  private commitsSeen = 0;
  private commitsSynced = 0;
  private syncing = false;
  private retryMs: number;
  private retryTimer: NodeJS.Timeout | undefined;
  private readonly firstRetryMs: number;
  private readonly maxRetryMs: number;
  private readonly applicationName: string;

  constructor(
    private readonly url: string,
    private readonly logger?: Logger,
    options: ServerFeedOptions = {},
  ) {
    this.firstRetryMs = options.firstRetryMs ?? 100;
    this.maxRetryMs = options.maxRetryMs ?? 5_000;
    this.retryMs = this.firstRetryMs;
    this.applicationName = options.applicationName ?? 'mibo-slot-changes';
  }

  get ready(): boolean {
    return this.listening && this.commitsSynced === this.commitsSeen;
  }

  onChange(listener: (change: SlotChange) => void): void {
    this.listeners.add(listener);
  }

  /** Resolves once listening, or after the first failure (it keeps retrying in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  localCommit(): void {
    this.commitsSeen += 1;
    void this.sync();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.listening = false;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.url,
      application_name: this.applicationName,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      query_timeout: 5_000,
    });
    this.client = client;
    client.on('notification', (message) => {
      if (client === this.client && message.channel === SLOT_CHANGES_CHANNEL) {
        this.listeners.emit(parseSlotChange(message.payload));
      }
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`listen ${SLOT_CHANGES_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (client !== this.client) {
      void client.end().catch(() => undefined); // stopped meanwhile
      return;
    }
    this.retryMs = this.firstRetryMs;
    // Anything committed while nobody listened is unknown: start from an empty cache.
    this.commitsSynced = this.commitsSeen;
    this.listeners.emit('all');
    this.listening = true;
    this.logger?.info('slot cache: listening for slot changes');
  }

  private async sync(): Promise<void> {
    const client = this.client;
    if (this.syncing || !this.listening || client === null) return;
    this.syncing = true;
    try {
      while (this.commitsSynced < this.commitsSeen && client === this.client && this.listening) {
        const target = this.commitsSeen;
        await client.query('select 1');
        if (client === this.client) this.commitsSynced = target;
      }
    } catch (error) {
      this.lost(client, error);
    } finally {
      this.syncing = false;
    }
    // Commits that arrived while a lost connection was being given up wait for the next one.
    if (this.listening && this.commitsSynced < this.commitsSeen) void this.sync();
  }

  private lost(client: pg.Client, error: unknown): void {
    if (client !== this.client) return;
    this.client = null;
    this.listening = false;
    this.listeners.emit('all');
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger?.warn(
      { err: { message: error instanceof Error ? error.message : String(error) }, retryMs: this.retryMs },
      'slot cache: lost the slot-change listener; serving from the database until it is back',
    );
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, this.maxRetryMs);
  }
}
