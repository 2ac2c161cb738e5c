import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Whether the database answers `select 1` within a second. The answer is kept for up to a second so
 * health checks under load cost almost nothing; a probe in flight is shared by concurrent callers.
 */
export class DatabaseProbe {
  private last: { at: number; up: boolean } | undefined;
  private inFlight: Promise<boolean> | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly cacheMs = 1000,
    private readonly timeoutMs = 1000,
  ) {}

  async isUp(): Promise<boolean> {
    const now = Date.now();
    if (this.last && now - this.last.at < this.cacheMs) return this.last.up;
    this.inFlight ??= this.ping().then((up) => {
      this.last = { at: Date.now(), up };
      this.inFlight = undefined;
      return up;
    });
    return this.inFlight;
  }

  private async ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), this.timeoutMs);
    });
    const query = this.orm.em
      .getConnection()
      .execute('select 1')
      .then(() => true)
      .catch(() => false);
    try {
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
