import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { startEmbeddedPostgres } from '../../src/adapters/persistence/embedded-postgres.js';
import { loadConfig } from '../../src/bootstrap/config.js';
import { createApi, type Api } from '../../src/bootstrap/create-api.js';
import type { DatabaseOverride } from '../../src/bootstrap/infrastructure.js';
import { postgresBinDir, startOwnPostgres, type OwnPostgres } from '../support/own-postgres.js';
import { requireServices } from '../support/services.js';
import { TEST_ENV } from '../support/test-api.js';

async function apiOn(database: DatabaseOverride): Promise<Api> {
  const config = loadConfig({ ...TEST_ENV, LOG_LEVEL: 'silent' });
  return createApi(config, { database, logger: createLogger('silent') });
}

async function call(api: Api, method: string, path: string, body?: object) {
  const server = createServer(api.app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: (await res.json()) as any };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await probe();
  }
  return last;
}

const expectUnhealthy = (res: { status: number; body: any }) => {
  expect(res.status).toBe(503);
  expect(res.body).toEqual({
    success: false,
    error: {
      code: 'SERVICE_UNAVAILABLE',
      message: expect.any(String),
      details: {
        status: 'unhealthy',
        database: 'disconnected',
        timestamp: expect.any(String),
        uptime: expect.any(Number),
      },
    },
  });
};

describe('health when the embedded database goes away', () => {
  it('answers 503 SERVICE_UNAVAILABLE with the contract details', async () => {
    const snapshot = inject('pgliteSnapshot');
    const embedded = await startEmbeddedPostgres(
      null,
      snapshot ? { loadDataDir: new Blob([readFileSync(snapshot)]) } : {},
    );
    const api = await apiOn({ url: embedded.url, poolMax: 1, lock: false });
    expect((await call(api, 'GET', '/api/health')).status).toBe(200);
    await embedded.close();
    expectUnhealthy(
      await eventually(
        () => call(api, 'GET', '/api/health'),
        (res) => res.status === 503,
      ),
    );
    await api.close().catch(() => undefined);
  });
});

const serverSkip =
  postgresBinDir() || requireServices ? '' : ' (skipped: no PostgreSQL server binaries here)';

describe.skipIf(!postgresBinDir() && !requireServices)(
  `a PostgreSQL server that stops and comes back${serverSkip}`,
  () => {
    let own: OwnPostgres | undefined;
    afterAll(() => own?.destroy());

    it('health and every route answer 503 while it is down, not 500, and recover when it returns', async () => {
      own = await startOwnPostgres();
      const api = await apiOn({ url: own.url, poolMax: 2, lock: true });
      try {
        expect((await call(api, 'GET', '/api/health')).status).toBe(200);
        own.stop();
        expectUnhealthy(
          await eventually(
            () => call(api, 'GET', '/api/health'),
            (res) => res.status === 503,
          ),
        );
        const login = await call(api, 'POST', '/api/auth/login/username-password', {
          username: 'someone',
          password: 'secret-pass',
        });
        expect(login.status).toBe(503);
        expect(login.body.error.code).toBe('SERVICE_UNAVAILABLE');
        own.start();
        const back = await eventually(
          () => call(api, 'GET', '/api/health'),
          (res) => res.status === 200,
          20_000,
        );
        expect(back.status).toBe(200);
      } finally {
        await api.close();
      }
    }, 60_000);
  },
);
