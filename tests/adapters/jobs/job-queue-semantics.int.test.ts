import { afterEach, describe, expect, it } from 'vitest';
import { StopRetrying, type JobDelivery } from '../../../src/application/shared/ports/job-queue.js';
import { queueKinds, type TestQueue } from './queue-kinds.js';

/** The same semantics from both adapters of the port: the in-process queue and BullMQ on Redis. */
describe.each(queueKinds)('the $kind job queue', (kind) => {
  const open: TestQueue[] = [];
  afterEach(async () => {
    for (const queue of open.splice(0)) await queue.close();
    await kind.cleanUp();
  });

  interface Delivery extends JobDelivery {
    at: number;
  }

  /** A queue whose worker records deliveries and fails a delivery when `fail` says so. */
  function queueWith(
    policy: { attempts: number; backoffMs: number },
    fail = (_: JobDelivery): Error | null => null,
  ) {
    const queue = kind.make(policy);
    open.push(queue);
    const deliveries: Delivery[] = [];
    queue.work(async (job) => {
      deliveries.push({ ...job, at: Date.now() });
      const error = fail(job);
      if (error) throw error;
    });
    return { queue, deliveries };
  }

  async function until(check: () => boolean | Promise<boolean>, what: string, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  const job = (outboxId: number, delayMs = 0) => ({ id: `outbox-${outboxId}`, outboxId, delayMs });

  it.skipIf(kind.skip)(`runs a delayed job no sooner than its delay${kind.reason}`, async () => {
    const { queue, deliveries } = queueWith({ attempts: 1, backoffMs: 10 });
    const started = Date.now();
    await queue.enqueue(job(1, 400));
    await queue.enqueue(job(2));
    await until(() => deliveries.length === 2, 'both jobs');
    expect(deliveries.map((d) => d.outboxId)).toEqual([2, 1]);
    expect(deliveries[1]!.at - started).toBeGreaterThanOrEqual(390);
  });

  it.skipIf(kind.skip)(`retries a failing job with exponential backoff${kind.reason}`, async () => {
    const { queue, deliveries } = queueWith({ attempts: 4, backoffMs: 150 }, (d) =>
      d.attempt < 3 ? new Error(`try ${d.attempt} failed`) : null,
    );
    await queue.enqueue(job(7));
    await until(() => deliveries.length === 3, 'the third try');
    expect(deliveries.map((d) => d.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = deliveries.map((d) => d.at);
    expect(second! - first!).toBeGreaterThanOrEqual(140);
    expect(third! - second!).toBeGreaterThanOrEqual(290);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(deliveries).toHaveLength(3);
    expect(await queue.failedJobs()).toEqual([]);
  });

  it.skipIf(kind.skip)(`drops a second job with the same id${kind.reason}`, async () => {
    const { queue, deliveries } = queueWith({ attempts: 1, backoffMs: 10 });
    await Promise.all([queue.enqueue(job(3, 100)), queue.enqueue(job(3, 100))]);
    await queue.enqueue(job(3));
    await queue.enqueue(job(4, 150));
    await until(() => deliveries.length === 2, 'the two distinct jobs');
    await queue.enqueue(job(3)); // done and remembered: still a duplicate
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(deliveries.map((d) => d.id).sort()).toEqual(['outbox-3', 'outbox-4']);
  });

  it.skipIf(kind.skip)(`keeps failed jobs, at once on StopRetrying${kind.reason}`, async () => {
    const { queue, deliveries } = queueWith({ attempts: 2, backoffMs: 20 }, (d) =>
      d.outboxId === 5 ? new Error('gateway down') : new StopRetrying('appointment is gone'),
    );
    await queue.enqueue(job(5));
    await queue.enqueue(job(6));
    await until(async () => (await queue.failedJobs()).length === 2, 'two failed jobs');
    const failed = (await queue.failedJobs()).sort((a, b) => a.outboxId - b.outboxId);
    expect(failed).toEqual([
      { id: 'outbox-5', outboxId: 5, attemptsMade: 2, error: 'gateway down' },
      { id: 'outbox-6', outboxId: 6, attemptsMade: 1, error: 'appointment is gone' },
    ]);
    expect(deliveries.filter((d) => d.outboxId === 6)).toHaveLength(1);
  });

  it.skipIf(kind.skip)(
    `revive brings a delayed job forward and re-adds a finished one${kind.reason}`,
    async () => {
      const { queue, deliveries } = queueWith({ attempts: 1, backoffMs: 10 }, (d) =>
        d.attempt === 1 && d.outboxId === 9 && deliveries.filter((x) => x.outboxId === 9).length === 1
          ? new Error('first run fails')
          : null,
      );
      await queue.enqueue(job(8, 60_000));
      await queue.enqueue(job(9));
      await until(async () => (await queue.failedJobs()).length === 1, 'job 9 to fail');
      await queue.revive(job(8));
      await queue.revive(job(9));
      await until(() => deliveries.length === 3, 'job 8 now and job 9 again');
      expect(deliveries.map((d) => d.outboxId).sort()).toEqual([8, 9, 9]);
      expect(await queue.failedJobs()).toEqual([]);
    },
  );

  it.skipIf(kind.skip)(`close lets a running job finish and takes no more${kind.reason}`, async () => {
    const queue = kind.make({ attempts: 1, backoffMs: 10 });
    const finished: number[] = [];
    let started = false;
    queue.work(async ({ outboxId }) => {
      started = true;
      await new Promise((resolve) => setTimeout(resolve, 300));
      finished.push(outboxId);
    });
    await queue.enqueue(job(10));
    await queue.enqueue(job(11, 500));
    await until(() => started, 'the job to start');
    await queue.close();
    expect(finished).toEqual([10]);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(finished).toEqual([10]);
  });
});
