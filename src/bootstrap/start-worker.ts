import { pathToFileURL } from 'node:url';
import type { Container } from 'inversify';
import { createLogger } from '../adapters/logging/logger.js';
import { loadConfig, type Config } from './config.js';
import { createApi } from './create-api.js';
import { exitOnStartFailure } from './run-api.js';
import { T } from './tokens.js';

export interface WorkerOptions {
  /** Extra bindings (tests bind job handlers of their own). */
  bind?: (container: Container) => void;
}

/**
 * `npm run worker`: the outbox relay and the job workers, without HTTP. It wires the same container as
 * the API (every context's job handlers are bound there) and never listens. SIGTERM stops taking jobs
 * and lets running ones finish before the process exits.
 */
export async function runWorker(config: Config, options: WorkerOptions = {}): Promise<void> {
  const logger = createLogger(config.env.LOG_LEVEL);
  const workerConfig: Config = { ...config, env: { ...config.env, WORKER: 'on' } };
  const api = await createApi(workerConfig, { logger, ...(options.bind ? { bind: options.bind } : {}) });
  logger.info(`database: ${api.infra.databaseLabel}`);
  logger.info(`jobs: ${api.container.get(T.BackgroundJobs).description}`);
  if (!config.env.REDIS_URL) {
    logger.warn('worker without REDIS_URL: it runs jobs from the outbox on its own in-process queue');
  }
  logger.info({ pid: process.pid }, 'worker started');
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'worker shutting down: finishing running jobs');
      void api.close().then(
        () => {
          logger.info('worker stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'worker shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  Promise.resolve()
    .then(() => runWorker(loadConfig()))
    .catch(exitOnStartFailure);
}
