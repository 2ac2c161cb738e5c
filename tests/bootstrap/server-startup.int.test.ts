import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { adminQuery, withDatabase } from '../support/global-setup.js';
import { databaseUrl } from '../support/services.js';
import { spawnApi, waitHealthy } from '../support/spawn-api.js';

const skipReason = databaseUrl ? '' : ' (skipped: DATABASE_URL is not set; CI sets it)';

describe.skipIf(!databaseUrl)(`several processes starting at once on one PostgreSQL${skipReason}`, () => {
  const name = `mibo_start_${randomBytes(5).toString('hex')}`;
  afterAll(async () => adminQuery(`drop database if exists ${name} with (force)`));

  it('migrate once under the advisory lock and create exactly one bootstrap admin', async () => {
    await adminQuery(`create database ${name}`);
    const url = withDatabase(databaseUrl!, name);
    const env = {
      DATABASE_URL: url,
      BOOTSTRAP_ADMIN_USERNAME: 'admin',
      BOOTSTRAP_ADMIN_PASSWORD: 'Bootstrap-Pass-1',
      BOOTSTRAP_ADMIN_PHONE: '+919800000001',
    };
    const apis = await Promise.all([spawnApi(env), spawnApi(env), spawnApi(env)]);
    try {
      await Promise.all(apis.map((api) => waitHealthy(api)));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const admins = await client.query('select username from staff_users where role_id = 1');
      const migrations = await client.query('select name from mikro_orm_migrations');
      const secrets = await client.query(
        "select count(*)::int as n from platform_settings where name like 'jwt_%'",
      );
      await client.end();
      expect(admins.rows).toEqual([{ username: 'admin' }]);
      expect(migrations.rows.length).toBeGreaterThan(0);
      expect(new Set(migrations.rows.map((row) => row.name)).size).toBe(migrations.rows.length);
      expect(secrets.rows[0].n).toBe(2);

      // Every process agrees on the generated JWT secrets: a token from one works on the others.
      const login = await fetch(`${apis[0]!.url}/api/auth/login/username-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Bootstrap-Pass-1' }),
      });
      const { data } = (await login.json()) as { data: { accessToken: string } };
      for (const api of apis) {
        const me = await fetch(`${api.url}/api/auth/me`, {
          headers: { authorization: `Bearer ${data.accessToken}` },
        });
        expect(me.status).toBe(200);
      }

      // A restart with other bootstrap values never overwrites the existing admin.
      const again = await spawnApi({ ...env, BOOTSTRAP_ADMIN_PASSWORD: 'Another-Pass-2' });
      await waitHealthy(again);
      const relogin = await fetch(`${again.url}/api/auth/login/username-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Another-Pass-2' }),
      });
      expect(relogin.status).toBe(401);
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    } finally {
      for (const api of apis) api.child.kill('SIGTERM');
      await Promise.all(apis.map((api) => api.exited));
    }
  }, 120_000);
});
