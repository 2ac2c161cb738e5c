import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticateCallerHandler } from '../../src/application/identity/queries/authenticate-caller.js';
import { T } from '../../src/bootstrap/tokens.js';
import { seedStaff, staffLogin, type SeededStaff } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

/** Deactivating or deleting an account ends its sessions: refresh at once, access within a minute. */
describe('staff management: deactivation and deletion end access', () => {
  let t: TestApi;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApi();
    admin = (await staffLogin(t, await seedStaff(t, { role: 'ADMIN' }))).accessToken;
  });
  afterAll(async () => t.close());

  /** A second authenticator on a controlled clock, as another API process with a warm cache would be. */
  function otherProcess() {
    let now = Date.now();
    const c = t.api.container;
    const authenticate = new AuthenticateCallerHandler(
      c.get(T.TokenService),
      c.get(T.StaffUsers),
      c.get(T.Patients),
      { now: () => new Date(now) },
    );
    return {
      check: (token: string) => t.inContext(() => authenticate.execute(token)),
      advance: (ms: number) => {
        now += ms;
      },
    };
  }

  async function signedIn(): Promise<{ staff: SeededStaff; accessToken: string; refreshToken: string }> {
    const staff = await seedStaff(t, { role: 'FRONT_DESK' });
    const session = await staffLogin(t, staff);
    const second = await staffLogin(t, staff);
    expect(second.refreshToken).not.toBe(session.refreshToken);
    return { staff, accessToken: session.accessToken, refreshToken: session.refreshToken };
  }

  const me = (token: string) => t.request('GET', '/api/auth/me', { token });
  const refresh = (refreshToken: string) =>
    t.request('POST', '/api/auth/refresh', { body: { refreshToken } });
  const liveSessions = async (id: number) => {
    const rows: Array<{ live: string }> = await t.inContext(() =>
      t.api.infra.orm.em
        .getConnection()
        .execute(
          "select count(*) as live from refresh_sessions where subject_kind = 'staff' and subject_id = ? and revoked_at is null",
          [id],
        ),
    );
    return Number(rows[0]!.live);
  };

  const ways: Array<[string, (id: number) => Promise<number>]> = [
    [
      'toggle-active',
      async (id) => (await t.request('PATCH', `/api/users/${id}/toggle-active`, { token: admin })).status,
    ],
    [
      'PUT isActive false',
      async (id) =>
        (await t.request('PUT', `/api/users/${id}`, { token: admin, body: { isActive: false } })).status,
    ],
    ['DELETE', async (id) => (await t.request('DELETE', `/api/users/${id}`, { token: admin })).status],
  ];

  for (const [way, end] of ways) {
    it(`${way}: refresh fails at once, access stops here at once and elsewhere within the cache window`, async () => {
      const { staff, accessToken, refreshToken } = await signedIn();
      const elsewhere = otherProcess();
      await expect(elsewhere.check(accessToken)).resolves.toMatchObject({ userId: staff.id });
      expect((await me(accessToken)).status).toBe(200);
      expect(await liveSessions(staff.id)).toBe(2);

      expect(await end(staff.id)).toBe(200);

      expect(await liveSessions(staff.id)).toBe(0);
      const refused = await refresh(refreshToken);
      expect(refused.status).toBe(401);
      expect(refused.body.error.code).toBe('INVALID_TOKEN');
      // This process forgot the account when it changed it.
      const here = await me(accessToken);
      expect(here.status).toBe(401);
      expect(here.body.error.code).toBe('INVALID_TOKEN');
      // Another process still trusts what it read a moment ago, but not past its 30-second window.
      await expect(elsewhere.check(accessToken)).resolves.toMatchObject({ userId: staff.id });
      elsewhere.advance(31_000);
      await expect(elsewhere.check(accessToken)).rejects.toMatchObject({ code: 'INVALID_TOKEN' });
      const login = await t.request('POST', '/api/auth/login/username-password', {
        body: { username: staff.username, password: staff.password },
      });
      expect(login.status).toBe(401);
    });
  }

  it('re-activating lets the account log in again, but old refresh tokens stay revoked', async () => {
    const { staff, refreshToken } = await signedIn();
    const toggle = () => t.request('PATCH', `/api/users/${staff.id}/toggle-active`, { token: admin });
    expect((await toggle()).body.data.isActive).toBe(false);
    const back = await toggle();
    expect(back.body).toMatchObject({ message: 'User activated successfully', data: { isActive: true } });
    expect((await refresh(refreshToken)).status).toBe(401);
    const fresh = await staffLogin(t, staff);
    expect((await me(fresh.accessToken)).status).toBe(200);
    expect((await refresh(fresh.refreshToken)).status).toBe(200);
  });

  it('a role change takes effect at the next request', async () => {
    const { staff, accessToken } = await signedIn();
    const before = await t.request('GET', '/api/users', { token: accessToken });
    expect(before.status).toBe(403);
    await t.request('PUT', `/api/users/${staff.id}`, { token: admin, body: { roleId: 1 } });
    const after = await t.request('GET', '/api/users', { token: accessToken });
    expect(after.status).toBe(200);
  });
});
