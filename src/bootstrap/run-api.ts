import { createServer } from 'node:http';
import { createLogger } from '../adapters/logging/logger.js';
import type { Config } from './config.js';
import { ConfigError } from './config.js';
import { createApi, type Api } from './create-api.js';
import { listenGracefully } from './graceful-server.js';
import { paymentAdapterLabel } from './modules/billing.module.js';
import { messagingAdapters } from './modules/messaging.module.js';
import { videoAdapterLabel } from './modules/video.module.js';
import { T } from './tokens.js';

/** Builds the API, says which adapters are in use, listens on PORT and stops cleanly on SIGTERM/SIGINT. */
export async function runApi(
  config: Config,
  beforeListen: (api: Api) => Promise<void> = async () => undefined,
): Promise<void> {
  const logger = createLogger(config.env.LOG_LEVEL);
  const api = await createApi(config, { logger });
  logger.info(`database: ${api.infra.databaseLabel}`);
  logger.info(`rate limits: ${api.infra.redis ? 'Redis (in-memory fallback)' : 'in memory'}`);
  logger.info(`jobs: ${api.container.get(T.BackgroundJobs).description}`);
  const messaging = messagingAdapters(config);
  logger.info(`WhatsApp: ${messaging.whatsapp}`);
  logger.info(`SMS: ${messaging.sms}`);
  logger.info(`payments: ${paymentAdapterLabel(config)}`);
  logger.info(`video: ${videoAdapterLabel(config)}`);
  await beforeListen(api);
  const server = createServer(api.app.callback());
  const stop = await listenGracefully(server, config.env.PORT, api.close, logger);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down: finishing in-flight requests');
      void stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

/** One line naming what is wrong; configuration and data-directory errors need no stack. */
export function exitOnStartFailure(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${error instanceof ConfigError ? message : `Mibo failed to start: ${message}`}\n`);
  process.exit(1);
}
