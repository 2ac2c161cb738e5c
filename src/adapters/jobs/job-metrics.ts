import { Gauge, type Registry } from 'prom-client';
import type { OutboxJobReads } from './outbox-job-reads.js';

/** `mibo_outbox_jobs{status}`: open, done and failed jobs, counted in the database at each scrape. */
export function registerJobGauge(registry: Registry, reads: OutboxJobReads): void {
  new Gauge({
    name: 'mibo_outbox_jobs',
    help: 'Background jobs in the outbox by status (open, done, failed)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const counts = await reads.counts().catch(() => null);
      if (!counts) return; // a database outage must not break the whole scrape
      for (const [status, count] of Object.entries(counts)) this.set({ status }, count);
    },
  });
}
