import { createServer } from 'node:http';
import { createLogger } from '../src/adapters/logging/logger.js';
import { loadConfig } from '../src/bootstrap/config.js';
import { runInScope } from '../src/adapters/system/execution-scope.js';
import { createApi } from '../src/bootstrap/create-api.js';
import { seedScheduling, type SeedSummary } from './lib/scheduling-seed.js';

/**
 * Mibo as `npm start` builds it (same config loading, logger and wiring), listening on a free
 * loopback port that it reports to bench/run.ts over the IPC channel. Logs go to stdout, which the
 * runner sends to a file, so the access log's cost is part of what is measured. With
 * BENCH_SEED=scheduling it first seeds its database (sizes from BENCH_SEED_CLINICIANS, _PATIENTS,
 * _APPOINTMENTS) and reports what it seeded with its port.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.env.LOG_LEVEL);
  const api = await createApi(config, { logger });
  let seed: SeedSummary | undefined;
  if (process.env.BENCH_SEED === 'scheduling') {
    seed = await runInScope('bench-seed', () =>
      seedScheduling(api, {
        centres: 5,
        clinicians: sizeEnv('BENCH_SEED_CLINICIANS', 60),
        patients: sizeEnv('BENCH_SEED_PATIENTS', 10_000),
        appointments: sizeEnv('BENCH_SEED_APPOINTMENTS', 100_000),
      }),
    );
    logger.info(seed, 'bench: seeded');
  } else if (process.env.BENCH_SEED) {
    throw new Error(`BENCH_SEED=${process.env.BENCH_SEED}: the only seed is "scheduling"`);
  }
  const server = createServer(api.app.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  logger.info({ port, database: api.infra.databaseLabel }, 'bench: listening');
  if (process.send) process.send({ ready: true, port, ...(seed ? { seed } : {}) });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    server.close(() => {
      api.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop);
}

function sizeEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return value;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Mibo bench server failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
