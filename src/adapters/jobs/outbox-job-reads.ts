import type { MikroORM } from '@mikro-orm/postgresql';

export type JobStatus = 'open' | 'done' | 'failed';

/** An outbox job as operators see it: never its payload, which may hold phone numbers. */
export interface JobListItem {
  id: number;
  name: string;
  key: string;
  attempts: number;
  lastError: string | null;
  runAt: Date;
  completedAt: Date | null;
  failedAt: Date | null;
}

const WHERE: Record<JobStatus | 'all', string> = {
  open: 'completed_at is null and failed_at is null',
  done: 'completed_at is not null',
  failed: 'failed_at is not null',
  all: 'true',
};
const ORDER: Record<JobStatus | 'all', string> = {
  open: 'run_at, id',
  done: 'completed_at desc, id desc',
  failed: 'failed_at desc, id desc',
  all: 'id desc',
};

const at = (value: unknown) => (value === null ? null : new Date(value as string));

/** Reads `outbox_jobs` for GET /api/jobs and the jobs gauge. */
export class OutboxJobReads {
  constructor(private readonly orm: MikroORM) {}

  async list(query: {
    status?: JobStatus;
    page: number;
    limit: number;
  }): Promise<{ items: JobListItem[]; total: number }> {
    const status = query.status ?? 'all';
    const em = this.orm.em.fork();
    const [rows, counted] = await Promise.all([
      em.execute<Array<Record<string, unknown>>>(
        `select id, name, key, attempts, last_error, run_at, completed_at, failed_at from outbox_jobs
          where ${WHERE[status]} order by ${ORDER[status]} limit ? offset ?`,
        [query.limit, (query.page - 1) * query.limit],
      ),
      em.execute<Array<{ total: string }>>(
        `select count(*) as total from outbox_jobs where ${WHERE[status]}`,
      ),
    ]);
    return {
      total: Number(counted[0]?.total ?? 0),
      items: rows.map((row) => ({
        id: Number(row.id),
        name: String(row.name),
        key: String(row.key),
        attempts: Number(row.attempts),
        lastError: (row.last_error as string | null) ?? null,
        runAt: at(row.run_at)!,
        completedAt: at(row.completed_at),
        failedAt: at(row.failed_at),
      })),
    };
  }

  /** How many jobs are open, done and failed (for the Prometheus gauge). */
  async counts(): Promise<Record<JobStatus, number>> {
    const rows = await this.orm.em.fork().execute<Array<Record<JobStatus, string>>>(
      `select count(*) filter (where ${WHERE.open}) as open, count(*) filter (where ${WHERE.done}) as done,
              count(*) filter (where ${WHERE.failed}) as failed
         from outbox_jobs`,
    );
    const row = rows[0]!;
    return { open: Number(row.open), done: Number(row.done), failed: Number(row.failed) };
  }
}
