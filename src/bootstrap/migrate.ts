import { createLogger } from '../adapters/logging/logger.js';
import { ConfigError, loadConfig } from './config.js';
import { openInfrastructure } from './infrastructure.js';

/** `npm run migrate`: applies pending migrations (under the start-up lock) and exits. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.env.LOG_LEVEL);
  const infra = await openInfrastructure(config, logger);
  const executed = await infra.orm.getMigrator().getExecutedMigrations();
  logger.info({ migrations: executed.map((m) => m.name) }, `database migrated (${infra.databaseLabel})`);
  await infra.close();
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${error instanceof ConfigError ? message : `Migration failed: ${message}`}\n`);
  process.exit(1);
});
