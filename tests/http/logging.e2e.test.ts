import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { latestOtp, randomPhone, seedStaff } from '../support/builders.js';
import { startTestApi, type RequestOptions, type TestApi, type TestResponse } from '../support/test-api.js';

/** Logs carry a request id on every line and never a password, OTP, token or query-string secret. */

const QUERY_SECRET = 'secret-in-query';

/** A logger writing to memory; each call returns what it logged, parsed. */
function memoryLogger(level = 'trace') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createLogger(level, sink);
  return {
    logger,
    last: (): Record<string, any> => JSON.parse(lines.at(-1)!) as Record<string, any>,
    text: () => lines.join(''),
  };
}

describe('the logger', () => {
  const SECRET = 'S3cret-value-that-must-not-leak';

  it('redacts secrets at the top level', () => {
    const { logger, last, text } = memoryLogger();
    for (const key of ['password', 'otp', 'refreshToken', 'accessToken', 'authorization', 'notes', 'token']) {
      logger.info({ [key]: SECRET, visible: 'kept' }, 'top');
      expect(last()[key], key).toBe('[REDACTED]');
      expect(last().visible).toBe('kept');
    }
    expect(text()).not.toContain(SECRET);
  });

  it('redacts secrets nested one and two levels down', () => {
    const { logger, last, text } = memoryLogger();
    logger.info({ body: { password: SECRET, phone: '+919876543210' } }, 'nested');
    expect(last().body).toEqual({ password: '[REDACTED]', phone: '+919876543210' });

    logger.info({ req: { headers: { authorization: `Bearer ${SECRET}`, accept: 'json' } } }, 'headers');
    expect(last().req.headers).toEqual({ authorization: '[REDACTED]', accept: 'json' });

    logger.info({ body: { otp: SECRET }, data: { refreshToken: SECRET, accessToken: SECRET } }, 'tokens');
    expect(last().body.otp).toBe('[REDACTED]');
    expect(last().data).toEqual({ refreshToken: '[REDACTED]', accessToken: '[REDACTED]' });

    logger.info({ appointment: { notes: SECRET }, patient: { history: { notes: SECRET } } }, 'clinical');
    expect(last().appointment.notes).toBe('[REDACTED]');
    expect(last().patient.history.notes).toBe('[REDACTED]');

    logger.info({ users: [{ password: SECRET }] }, 'array');
    expect(last().users[0].password).toBe('[REDACTED]');

    logger.warn({ res: { headers: { cookie: SECRET } } }, 'cookie');
    expect(last().res.headers.cookie).toBe('[REDACTED]');
    expect(text()).not.toContain(SECRET);
  });

  it('leaves the logged objects themselves untouched', () => {
    const { logger } = memoryLogger();
    const payload = { body: { password: SECRET } };
    logger.info(payload, 'original');
    expect(payload.body.password).toBe(SECRET);
  });

  it('keeps the code of an error for operators but not an OTP-shaped one', () => {
    const { logger, last } = memoryLogger();
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    logger.error({ err: refused }, 'database down');
    expect(last().err).toMatchObject({ message: 'connect ECONNREFUSED', errorCode: 'ECONNREFUSED' });
    const duplicate = Object.assign(new Error('duplicate key'), { code: '23505' });
    logger.error({ err: duplicate }, 'duplicate');
    expect(last().err.errorCode).toBe('23505');
    const otpish = Object.assign(new Error('bad code'), { code: '123456' });
    logger.error({ err: otpish }, 'otp');
    expect(JSON.stringify(last())).not.toContain('123456');
  });
});

describe('request logs', () => {
  let t: TestApi;
  /** Every response of this test, to match log lines to X-Request-Id headers. */
  const responses: TestResponse[] = [];
  const secrets: string[] = [QUERY_SECRET];
  const otps: string[] = [];

  async function call(method: string, path: string, options?: RequestOptions): Promise<TestResponse> {
    const res = await t.request(method, path, options);
    responses.push(res);
    return res;
  }

  beforeAll(async () => {
    t = await startTestApi({ LOG_LEVEL: 'trace' });
    const password = 'Very-Secret-Password-97';
    secrets.push(password);
    const staff = await seedStaff(t, { password });

    // staff password logins, by username and by phone
    const byUsername = await call('POST', '/api/auth/login/username-password', {
      body: { username: staff.username, password },
    });
    expect(byUsername.status).toBe(200);
    const byPhone = await call('POST', '/api/auth/login/phone-password', {
      body: { phone: staff.phone, password },
    });
    expect(byPhone.status).toBe(200);

    // staff phone + OTP
    expect((await call('POST', '/api/auth/send-otp', { body: { phone: staff.phone } })).status).toBe(200);
    const staffOtp = await latestOtp(t, staff.phone);
    otps.push(staffOtp);
    const byOtp = await call('POST', '/api/auth/login/phone-otp', {
      body: { phone: staff.phone, otp: staffOtp },
    });
    expect(byOtp.status).toBe(200);

    // patient OTP
    const patientPhone = randomPhone();
    await call('POST', '/api/patient-auth/send-otp', {
      body: { phone: patientPhone, fullName: 'Log Patient' },
    });
    const patientOtp = await latestOtp(t, patientPhone);
    otps.push(patientOtp);
    const patient = await call('POST', '/api/patient-auth/verify-otp', {
      body: { phone: patientPhone, otp: patientOtp },
    });
    expect(patient.status).toBe(200);

    for (const res of [byUsername, byPhone, byOtp]) {
      secrets.push(res.body.data.accessToken, res.body.data.refreshToken);
    }
    secrets.push(patient.body.data.accessToken, patient.body.data.refreshToken);

    // refreshes and logouts
    const staffRefresh = await call('POST', '/api/auth/refresh', {
      body: { refreshToken: byUsername.body.data.refreshToken },
    });
    expect(staffRefresh.status).toBe(200);
    secrets.push(staffRefresh.body.data.accessToken);
    const patientRefresh = await call('POST', '/api/patient-auth/refresh-token', {
      body: { refreshToken: patient.body.data.refreshToken },
    });
    expect(patientRefresh.status).toBe(200);
    secrets.push(patientRefresh.body.data.accessToken);
    const staffLogout = await call('POST', '/api/auth/logout', {
      token: byUsername.body.data.accessToken,
      body: { refreshToken: byUsername.body.data.refreshToken },
    });
    expect(staffLogout.status).toBe(200);
    const patientLogout = await call('POST', '/api/patient-auth/logout', {
      body: { refreshToken: patient.body.data.refreshToken },
    });
    expect(patientLogout.status).toBe(200);
    // a revoked refresh token is refused, and logged as a refusal
    expect(
      (await call('POST', '/api/auth/refresh', { body: { refreshToken: byUsername.body.data.refreshToken } }))
        .status,
    ).toBe(401);

    // secrets in the query string and the Authorization header
    const me = await call('GET', `/api/auth/me?token=${QUERY_SECRET}`, {
      token: byPhone.body.data.accessToken,
    });
    expect(me.status).toBe(200); // a route without a query schema ignores the query string
    expect((await call('GET', `/api/health?token=${QUERY_SECRET}`)).status).toBe(200);
    expect((await call('GET', `/api/nope?password=${QUERY_SECRET}`)).status).toBe(404);
    expect(
      (await call('GET', '/api/auth/me', { headers: { authorization: `Bearer ${QUERY_SECRET}.x.y` } }))
        .status,
    ).toBe(401);

    // errors: a wrong password, a wrong OTP, malformed JSON carrying a password
    const wrong = await call('POST', '/api/auth/login/username-password', {
      body: { username: staff.username, password: `${password}-wrong` },
    });
    expect(wrong.status).toBe(401);
    secrets.push(`${password}-wrong`);
    expect(
      (await call('POST', '/api/auth/login/phone-otp', { body: { phone: staff.phone, otp: '000000' } }))
        .status,
    ).toBe(401);
    expect(
      (await call('POST', '/api/auth/login/username-password', { rawBody: `{"password":"${password}"` }))
        .status,
    ).toBe(400);
  });
  afterAll(async () => t?.close());

  it('contain no password, OTP, token or query-string secret', () => {
    const logs = t.logs.join('');
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(logs.includes(secret), `a secret of ${secret.length} characters leaked`).toBe(false);
    }
    for (const otp of otps) {
      // as a number of its own (a longer run of digits, as in a UUID or a timestamp, is no leak)
      expect(logs, `OTP ${otp}`).not.toMatch(new RegExp(`(?<![\\w])${otp}(?![\\w])`));
    }
    expect(logs).not.toContain('?token=');
    expect(logs).not.toMatch(/Bearer /i);
  });

  it('are JSON lines, each request line carrying the X-Request-Id it answered with', () => {
    const lines = t.logs.flatMap((chunk) => chunk.split('\n')).filter((line) => line.trim() !== '');
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const requestLines = parsed.filter((line) => line.msg === 'request');
    for (const res of responses) {
      const id = res.headers.get('x-request-id');
      expect(id).toBeTruthy();
      const matching = requestLines.filter((line) => line.reqId === id);
      expect(matching, `request line for ${id}`).toHaveLength(1);
      expect(matching[0]).toMatchObject({
        status: res.status,
        method: expect.any(String),
        path: expect.any(String),
      });
      expect(String(matching[0]!.path)).not.toContain('?');
    }
    // every line written while serving a request carries its id
    for (const line of requestLines) expect(line.reqId).toEqual(expect.any(String));
  });

  it('keeps a valid incoming request id in the response and the log', async () => {
    const res = await t.request('GET', '/api/health', { headers: { 'X-Request-Id': 'trace-me-42' } });
    expect(res.headers.get('x-request-id')).toBe('trace-me-42');
    const line = t.logs
      .flatMap((chunk) => chunk.split('\n'))
      .filter((l) => l.includes('trace-me-42'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(line).toEqual([expect.objectContaining({ reqId: 'trace-me-42', msg: 'request', status: 200 })]);
  });

  it('replaces an invalid incoming request id', async () => {
    const res = await t.request('GET', '/api/health', { headers: { 'X-Request-Id': 'bad id\twith spaces' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[\w.:-]{1,128}$/);
    expect(t.logs.join('')).not.toContain('bad id');
  });
});
