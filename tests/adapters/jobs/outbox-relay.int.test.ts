import { afterEach, describe, expect, it } from 'vitest';
import type { JobRunner } from '../../../src/adapters/jobs/job-runner.js';
import type { JobQueue } from '../../../src/application/shared/ports/job-queue.js';
import { openJobWorld, until, type JobWorld } from './job-world.js';
import { queueKinds } from './queue-kinds.js';

/** Outbox → relay → queue → runner, on a real database, with each kind of queue. */
describe.each(queueKinds)('the outbox relay and job runner with the $kind queue', (kind) => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    await kind.cleanUp();
  });

  async function setUp(maxAttempts = 3): Promise<{ world: JobWorld; queue: JobQueue; runner: JobRunner }> {
    const world = await openJobWorld();
    cleanup.push(() => world.close());
    const queue = kind.make({ attempts: maxAttempts, backoffMs: 30 });
    const { relay, runner } = world.pipeline(queue, {}, maxAttempts);
    queue.work(runner.dispatch);
    relay.start();
    cleanup.push(async () => {
      await relay.stop();
      await queue.close();
    });
    return { world, queue, runner };
  }

  const done = (row: Record<string, any>) => row.completed_at !== null || row.failed_at !== null;

  it.skipIf(kind.skip)(`hands each row over once and runs it once${kind.reason}`, async () => {
    const { world, runner } = await setUp();
    const soon = new Date(Date.now() + 300);
    await world.record([
      { name: 'test.count', key: 'a', payload: {} },
      { name: 'test.count', key: 'b', payload: {}, runAt: soon },
    ]);
    await world.record([{ name: 'test.count', key: 'a', payload: { again: true } }]); // same key: dropped
    await until(async () => (await world.rows()).every(done), 'both jobs');
    const rows = await world.rows();
    expect(rows.map((r) => [r.key, r.attempts, r.completed_at !== null, r.enqueued_at !== null])).toEqual([
      ['a', 1, true, true],
      ['b', 1, true, true],
    ]);
    expect(new Date(rows[1]!.completed_at).getTime()).toBeGreaterThanOrEqual(soon.getTime() - 5);
    await new Promise((resolve) => setTimeout(resolve, 200)); // more polls change nothing
    // A second delivery of finished work (a timed-out add that landed late) does nothing either.
    await runner.dispatch({ id: `outbox-${rows[0]!.id}`, outboxId: Number(rows[0]!.id), attempt: 1 });
    expect(Object.fromEntries(world.runs)).toEqual({ a: 1, b: 1 });
    expect((await world.rows())[0]!.attempts).toBe(1);
  });

  it.skipIf(kind.skip)(
    `runs a job that waits again later without using its attempts${kind.reason}`,
    async () => {
      const { world } = await setUp(1);
      await world.record([{ name: 'test.busy', key: 'busy', payload: { busy: 3 } }]);
      await until(async () => (await world.rows()).every(done), 'the waiting job');
      const [row] = await world.rows();
      expect(row).toMatchObject({ attempts: 1, failed_at: null, last_error: 'held by another worker' });
      expect(row!.completed_at).not.toBeNull();
      expect(world.runs.get('busy')).toBe(4);
    },
  );

  it.skipIf(kind.skip)(`records retries, and keeps failed jobs with their error${kind.reason}`, async () => {
    const { world } = await setUp(3);
    await world.record([
      { name: 'test.flaky', key: 'flaky', payload: { failures: 2, phone: '+919812345678' } },
      { name: 'test.broken', key: 'broken', payload: {} },
      { name: 'test.gone', key: 'gone', payload: {} },
      { name: 'test.nobody', key: 'orphan', payload: {} },
    ]);
    await until(async () => (await world.rows()).every(done), 'all four jobs to finish');
    const byKey = Object.fromEntries((await world.rows()).map((r) => [r.key, r]));
    expect(byKey.flaky).toMatchObject({ attempts: 3, failed_at: null });
    expect(byKey.flaky!.completed_at).not.toBeNull();
    expect(byKey.flaky!.last_error).toBe('flaky failure for +919812345678');
    expect(byKey.broken).toMatchObject({ attempts: 3, completed_at: null, last_error: 'gateway refused' });
    expect(byKey.broken!.failed_at).not.toBeNull();
    expect(byKey.gone).toMatchObject({
      attempts: 1,
      completed_at: null,
      last_error: 'appointment no longer exists',
    });
    expect(byKey.gone!.failed_at).not.toBeNull();
    expect(byKey.orphan).toMatchObject({ attempts: 1, last_error: 'no handler for job test.nobody' });
    expect(Object.fromEntries(world.runs)).toEqual({ flaky: 3, broken: 3, gone: 1 });
    const logs = world.logs.join('');
    expect(logs).toContain('job failed for good');
    expect(logs).toContain('"key":"broken"');
    expect(logs).not.toContain('"payload"');
  });

  it.skipIf(kind.skip)(`rebuilds jobs not done from the outbox after a restart${kind.reason}`, async () => {
    const world = await openJobWorld();
    cleanup.push(() => world.close());
    // The first process hands jobs to its queue and ends before running them (no workers).
    const prefix = `mibo-test-restart-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const first = kind.make({ attempts: 3, backoffMs: 30 }, { prefix });
    const { relay: firstRelay } = world.pipeline(first);
    await world.record([
      { name: 'test.count', key: 'now', payload: {} },
      { name: 'test.count', key: 'later', payload: {}, runAt: new Date(Date.now() + 400) },
    ]);
    expect(await firstRelay.pass()).toBe(2);
    expect((await world.rows()).every((r) => r.enqueued_at !== null)).toBe(true);
    await first.close();

    // BullMQ still holds them in Redis; the in-process queue lost them and the relay rebuilds them.
    const second = kind.make({ attempts: 3, backoffMs: 30 }, { prefix });
    const { relay, runner } = world.pipeline(second);
    second.work(runner.dispatch);
    relay.start();
    cleanup.push(async () => {
      await relay.stop();
      await second.close();
    });
    await until(async () => (await world.rows()).every(done), 'both jobs after the restart');
    expect(Object.fromEntries(world.runs)).toEqual({ now: 1, later: 1 });
  });
});
