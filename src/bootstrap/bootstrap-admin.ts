import { RequestContext } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { EnsureBootstrapAdminHandler } from '../application/identity/commands/ensure-bootstrap-admin.js';
import { MikroStaffUserRepository } from '../adapters/persistence/repositories/mikro-identity-repositories.js';
import { MikroUnitOfWork } from '../adapters/persistence/unit-of-work.js';
import { Argon2SecretHasher } from '../adapters/security/argon2-secret-hasher.js';
import { SystemClock } from '../adapters/system/system-clock.js';
import type { Config } from './config.js';

/**
 * CONTRACT.md: when username, password and phone are all set and no ADMIN exists, create one. Runs
 * right after the migrations, under the same start-up lock, so racing processes create it once.
 */
export async function ensureBootstrapAdmin(config: Config, orm: MikroORM, logger: Logger): Promise<void> {
  const { BOOTSTRAP_ADMIN_USERNAME, BOOTSTRAP_ADMIN_PASSWORD, BOOTSTRAP_ADMIN_PHONE, BOOTSTRAP_ADMIN_NAME } =
    config.env;
  if (!BOOTSTRAP_ADMIN_USERNAME || !BOOTSTRAP_ADMIN_PASSWORD || !BOOTSTRAP_ADMIN_PHONE) return;
  const handler = new EnsureBootstrapAdminHandler(
    new MikroStaffUserRepository(orm.em),
    new Argon2SecretHasher(),
    new MikroUnitOfWork(orm.em),
    new SystemClock(),
  );
  const outcome = await RequestContext.create(orm.em, () =>
    handler.execute({
      username: BOOTSTRAP_ADMIN_USERNAME,
      password: BOOTSTRAP_ADMIN_PASSWORD,
      phone: BOOTSTRAP_ADMIN_PHONE,
      fullName: BOOTSTRAP_ADMIN_NAME,
    }),
  );
  if (outcome === 'created') logger.info({ username: BOOTSTRAP_ADMIN_USERNAME }, 'bootstrap admin created');
}
