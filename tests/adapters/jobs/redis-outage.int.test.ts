import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { hasRedisServer, startOwnRedis, type OwnRedis } from '../../support/own-redis.js';
import { freePort } from '../../support/spawn-api.js';
import { requireServices } from '../../support/services.js';
import { openJobWorld, until, type JobWorld } from './job-world.js';
import { queueKinds } from './queue-kinds.js';

/**
 * A request never waits on Redis: jobs are recorded in the outbox whatever Redis does, wait there while
 * it is away, and run exactly once when it returns. These tests stop a Redis of their own.
 */
const bullMq = queueKinds.find((kind) => kind.kind === 'BullMQ')!;
const skipReason = hasRedisServer ? '' : ' (skipped: the redis-server binary is not installed; CI has it)';

describe.skipIf(!hasRedisServer && !requireServices)(
  'background jobs when Redis goes away' + skipReason,
  () => {
    const cleanup: Array<() => Promise<unknown>> = [];
    afterEach(async () => {
      for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
      await bullMq.cleanUp();
    });

    async function setUp(
      staleMs = 60_000,
    ): Promise<{ world: JobWorld; redis: OwnRedis; restart(): Promise<void> }> {
      if (!hasRedisServer) throw new Error('REQUIRE_SERVICES=1 but the redis-server binary is not installed');
      const world = await openJobWorld();
      cleanup.push(() => world.close());
      let redis = await startOwnRedis();
      const port = Number(new URL(redis.url).port);
      cleanup.push(() => redis.stop());
      const queue = bullMq.make({ attempts: 3, backoffMs: 30 }, { url: redis.url });
      const { relay, runner } = world.pipeline(queue, { staleMs });
      queue.work(runner.dispatch);
      relay.start();
      cleanup.push(async () => {
        await relay.stop();
        await queue.close();
      });
      return {
        world,
        get redis() {
          return redis;
        },
        async restart() {
          redis = await startOwnRedis(port);
        },
      };
    }

    const completed = async (world: JobWorld) =>
      (await world.rows()).every((row) => row.completed_at !== null);

    it('records jobs while Redis is down and runs each exactly once after it returns', async () => {
      const setup = await setUp();
      const { world } = setup;
      await world.record([{ name: 'test.count', key: 'before', payload: {} }]);
      await until(() => completed(world), 'the job recorded while Redis was up');

      await setup.redis.stop();
      const started = Date.now();
      for (let i = 0; i < 5; i++)
        await world.record([{ name: 'test.count', key: `during-${i}`, payload: {} }]);
      expect(Date.now() - started, 'recording never waits on Redis').toBeLessThan(1000);
      await new Promise((resolve) => setTimeout(resolve, 1200)); // a few relay polls against a dead Redis
      const waiting = (await world.rows()).filter((row) => row.key.startsWith('during-'));
      expect(waiting.map((row) => [row.enqueued_at, row.completed_at, row.attempts])).toEqual(
        Array.from({ length: 5 }, () => [null, null, 0]),
      );

      await setup.restart();
      await until(() => completed(world), 'the jobs recorded while Redis was down', 15_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(Object.fromEntries(world.runs)).toEqual({
        before: 1,
        'during-0': 1,
        'during-1': 1,
        'during-2': 1,
        'during-3': 1,
        'during-4': 1,
      });
    });

    it('hands jobs over again when Redis lost its data', async () => {
      const setup = await setUp(300);
      const { world } = setup;
      await world.record([
        { name: 'test.count', key: 'lost', payload: {}, runAt: new Date(Date.now() + 400) },
      ]);
      await until(async () => (await world.rows())[0]!.enqueued_at !== null, 'the job to be handed over');
      const probe = new Redis(setup.redis.url, { maxRetriesPerRequest: 1 });
      await probe.flushall();
      probe.disconnect();
      await until(() => completed(world), 'the lost job to be handed over again and run');
      expect(Object.fromEntries(world.runs)).toEqual({ lost: 1 });
    });

    it('starts while Redis has never been reachable, and catches up once it is', async () => {
      if (!hasRedisServer) throw new Error('REQUIRE_SERVICES=1 but the redis-server binary is not installed');
      const world = await openJobWorld();
      cleanup.push(() => world.close());
      const port = await freePort();
      // STACK.md: BullMQ's add hangs forever before a first connection; the relay must not.
      const queue = bullMq.make({ attempts: 3, backoffMs: 30 }, { url: `redis://127.0.0.1:${port}` });
      const { relay, runner } = world.pipeline(queue);
      queue.work(runner.dispatch);
      await world.record([{ name: 'test.count', key: 'early', payload: {} }]);
      const started = Date.now();
      expect(await relay.pass()).toBe(0);
      expect(Date.now() - started).toBeLessThan(3000);
      relay.start();
      cleanup.push(async () => {
        await relay.stop();
        await queue.close();
      });
      const redis = await startOwnRedis(port);
      cleanup.push(() => redis.stop());
      await until(() => completed(world), 'the job once Redis is up', 15_000);
      expect(Object.fromEntries(world.runs)).toEqual({ early: 1 });
    });
  },
);
