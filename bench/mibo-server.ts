import { createServer } from 'node:http';
import { createLogger } from '../src/adapters/logging/logger.js';
import { loadConfig } from '../src/bootstrap/config.js';
import { createApi } from '../src/bootstrap/create-api.js';

/**
 * Mibo as `npm start` builds it (same config loading, logger and wiring), listening on a free
 * loopback port that it reports to bench/run.ts over the IPC channel. Logs go to stdout, which the
 * runner sends to a file, so the access log's cost is part of what is measured.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.env.LOG_LEVEL);
  const api = await createApi(config, { logger });
  const server = createServer(api.app.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  logger.info({ port, database: api.infra.databaseLabel }, 'bench: listening');
  if (process.send) process.send({ ready: true, port });

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

main().catch((error: unknown) => {
  process.stderr.write(
    `Mibo bench server failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
