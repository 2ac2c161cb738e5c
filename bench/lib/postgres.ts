import pg from 'pg';
import { processCpuMicros } from './cpu.js';

/**
 * A database of its own for one benchmark run on the server named by DATABASE_URL, plus the CPU
 * time of that database's backend processes (readable when the server runs on this machine).
 */
export class BenchDatabase {
  private constructor(
    private readonly admin: pg.Client,
    readonly name: string,
    readonly url: string,
  ) {}

  static async create(serverUrl: string, name: string): Promise<BenchDatabase> {
    const admin = new pg.Client({ connectionString: serverUrl, application_name: 'mibo-bench' });
    await admin.connect();
    await admin.query(`drop database if exists ${pg.escapeIdentifier(name)}`);
    await admin.query(`create database ${pg.escapeIdentifier(name)}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return new BenchDatabase(admin, name, url.toString());
  }

  /** One query on this database over a connection of its own (for preparing, never while measuring). */
  async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'mibo-bench' });
    await client.connect();
    try {
      return (await client.query<R>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  /** Backend pids serving this database right now. */
  async backendPids(): Promise<number[]> {
    const { rows } = await this.admin.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1',
      [this.name],
    );
    return rows.map((row) => row.pid);
  }

  /**
   * CPU microseconds per backend, or undefined when /proc does not show them (a remote server).
   */
  async backendCpu(): Promise<Map<number, number> | undefined> {
    const pids = await this.backendPids();
    const cpu = new Map<number, number>();
    for (const pid of pids) {
      const micros = processCpuMicros(pid);
      if (micros !== undefined) cpu.set(pid, micros);
    }
    return pids.length > 0 && cpu.size === 0 ? undefined : cpu;
  }

  async drop(): Promise<void> {
    try {
      await this.admin.query(`drop database if exists ${pg.escapeIdentifier(this.name)} with (force)`);
    } finally {
      await this.admin.end();
    }
  }
}

/**
 * CPU the backends used between two snapshots. Backends that appeared in between count in full;
 * backends that closed in between are lost (so this can only under-count).
 */
export function backendCpuDelta(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, micros] of after) total += micros - (before.get(pid) ?? 0);
  return total;
}
