import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticateCallerHandler } from '../../src/application/identity/queries/authenticate-caller.js';
import { T } from '../../src/bootstrap/tokens.js';
import { patientLogin, seedStaff, staffLogin } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('token security', () => {
  let t: TestApi;
  let staffId: number;
  let staff: Awaited<ReturnType<typeof staffLogin>>;
  let patient: Awaited<ReturnType<typeof patientLogin>>;
  let accessKey: Uint8Array;

  beforeAll(async () => {
    t = await startTestApi();
    const seeded = await seedStaff(t, { role: 'ADMIN' });
    staffId = seeded.id;
    staff = await staffLogin(t, seeded);
    patient = await patientLogin(t);
    accessKey = new TextEncoder().encode(t.api.infra.jwtSecrets.access);
  });
  afterAll(async () => t.close());

  const sign = (
    claims: Record<string, unknown>,
    key = accessKey,
    header: Record<string, unknown> = { alg: 'HS256' },
  ) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ typ: 'access', ...claims })
      .setProtectedHeader(header as { alg: string })
      .setIssuer((claims.iss as string) ?? 'mibo')
      .setAudience((claims.aud as string) ?? 'mibo-staff')
      .setSubject(String(staffId))
      .setIssuedAt(now)
      .setExpirationTime((claims.exp as number) ?? now + 600)
      .sign(key);
  };

  const me = (token: string) => t.request('GET', '/api/auth/me', { token });

  it('accepts a genuine token (control)', async () => {
    expect((await me(await sign({}))).status).toBe(200);
  });

  it('refuses a forged signature', async () => {
    const forged = await sign({}, new TextEncoder().encode('not-the-secret-not-the-secret-not-the-secret'));
    const res = await me(forged);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_TOKEN');
    const [header, payload] = staff.accessToken.split('.');
    const tampered = `${header}.${b64({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), sub: '999' })}.${staff.accessToken.split('.')[2]}`;
    expect((await me(tampered)).body.error.code).toBe('INVALID_TOKEN');
  });

  it('refuses alg: none', async () => {
    const [, payload] = staff.accessToken.split('.');
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const res = await me(unsigned);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_TOKEN');
  });

  it('refuses another HMAC algorithm with the right key', async () => {
    const res = await me(await sign({}, accessKey, { alg: 'HS512' }));
    expect(res.body.error.code).toBe('INVALID_TOKEN');
  });

  it('answers TOKEN_EXPIRED for an expired token', async () => {
    const res = await me(await sign({ exp: Math.floor(Date.now() / 1000) - 5 }));
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('TOKEN_EXPIRED');
  });

  it('refuses a wrong issuer, an unknown audience and a refresh token used as access', async () => {
    expect((await me(await sign({ iss: 'someone-else' }))).body.error.code).toBe('INVALID_TOKEN');
    expect((await me(await sign({ aud: 'mibo-admin' }))).body.error.code).toBe('INVALID_TOKEN');
    expect((await me(await sign({ typ: 'refresh' }))).body.error.code).toBe('INVALID_TOKEN');
    expect((await me(staff.refreshToken)).body.error.code).toBe('INVALID_TOKEN');
  });

  it('a patient token on a staff route and a staff token on a patient route → 403', async () => {
    const onStaff = await t.request('GET', '/api/auth/me', { token: patient.accessToken });
    expect(onStaff.status).toBe(403);
    expect(onStaff.body.error.code).toBe('FORBIDDEN');
    const onPatient = await t.request('GET', '/api/patient-auth/me', { token: staff.accessToken });
    expect(onPatient.status).toBe(403);
    expect(onPatient.body.error.code).toBe('FORBIDDEN');
  });

  it('a staff refresh token does not refresh a patient session, nor the reverse', async () => {
    const a = await t.request('POST', '/api/patient-auth/refresh-token', {
      body: { refreshToken: staff.refreshToken },
    });
    expect(a.body.error.code).toBe('INVALID_TOKEN');
    const b = await t.request('POST', '/api/auth/refresh', { body: { refreshToken: patient.refreshToken } });
    expect(b.body.error.code).toBe('INVALID_TOKEN');
  });

  it("a deactivated staff member's access stops within a minute, and refresh stops at once", async () => {
    const seeded = await seedStaff(t);
    const session = await staffLogin(t, seeded);
    let now = Date.now();
    const clock = { now: () => new Date(now) };
    const c = t.api.container;
    const authenticate = new AuthenticateCallerHandler(
      c.get(T.TokenService),
      c.get(T.StaffUsers),
      c.get(T.Patients),
      clock,
    );
    await expect(t.inContext(() => authenticate.execute(session.accessToken))).resolves.toMatchObject({
      userId: seeded.id,
    });

    await t.inContext(() =>
      t.api.infra.orm.em
        .getConnection()
        .execute('update staff_users set is_active = false where id = ?', [seeded.id]),
    );
    const refresh = await t.request('POST', '/api/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(refresh.body.error.code).toBe('INVALID_TOKEN');

    now += 60_000;
    await expect(t.inContext(() => authenticate.execute(session.accessToken))).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
  });
});
