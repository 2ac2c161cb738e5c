import type { EntityManager } from '@mikro-orm/postgresql';
import type { Job, Outbox } from '../../application/shared/ports/outbox.js';

/**
 * Writes jobs into `outbox_jobs` inside the caller's transaction (em.execute joins it). Outside a
 * transaction it refuses: a job written apart from its cause could outlive a rollback.
 */
export class OutboxStore implements Outbox {
  constructor(
    private readonly em: EntityManager,
    /**
     * Told after each write, so a relay in this process can look sooner than its next poll. Called
     * inside the writer's transaction: the relay runs its passes in its own context, not this one.
     */
    private readonly onAdded: () => void = () => undefined,
  ) {}

  async add(jobs: readonly Job[]): Promise<void> {
    if (jobs.length === 0) return;
    if (!this.em.getTransactionContext()) {
      throw new Error('Outbox.add must run inside a unit of work');
    }
    const values = jobs.map(() => '(?, ?, ?::jsonb, ?)').join(', ');
    const params = jobs.flatMap((job) => [
      job.name,
      job.key,
      JSON.stringify(job.payload),
      job.runAt ?? new Date(),
    ]);
    await this.em.execute(
      `insert into outbox_jobs (name, key, payload, run_at) values ${values} on conflict (key) do nothing`,
      params,
    );
    this.onAdded();
  }
}
