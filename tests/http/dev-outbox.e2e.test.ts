import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomPhone } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('dev outbox', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(async () => t.close());

  it('lists what the fakes sent to one phone, newest first, and validates the phone', async () => {
    const phone = randomPhone();
    await t.request('POST', '/api/patient-auth/send-otp', { body: { phone } });
    await t.request('POST', '/api/patient-auth/send-otp', { body: { phone } });
    const res = await t.request('GET', `/api/dev/outbox?to=${encodeURIComponent(phone)}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(2);
    expect(res.body.data[0].id).toBeGreaterThan(res.body.data[1].id);
    expect(res.body.data[0]).toEqual({
      id: expect.any(Number),
      channel: 'whatsapp',
      to: phone,
      template: 'otp',
      text: expect.stringMatching(/\b\d{6}\b/),
      createdAt: expect.stringMatching(/Z$/),
    });
    const bad = await t.request('GET', '/api/dev/outbox?to=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
  });

  it('keeps OTPs only as hashes in their own table', async () => {
    const phone = randomPhone();
    await t.request('POST', '/api/patient-auth/send-otp', { body: { phone } });
    const outbox = await t.request('GET', `/api/dev/outbox?to=${encodeURIComponent(phone)}`);
    const code = /\d{6}/.exec(outbox.body.data[0].text)![0];
    const rows: Array<{ code_hash: string }> = await t.inContext(() =>
      t.api.infra.orm.em
        .getConnection()
        .execute('select code_hash from one_time_codes where phone = ?', [phone]),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.code_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(rows[0]!.code_hash).not.toContain(code);
  });
});

describe('dev outbox in production', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({
      NODE_ENV: 'production',
      ALLOW_FAKE_GATEWAYS: 'true',
      JWT_SECRET: 'k'.repeat(48),
      JWT_REFRESH_SECRET: 'r'.repeat(48),
    });
  });
  afterAll(async () => t.close());

  it('does not exist', async () => {
    const res = await t.request('GET', '/api/dev/outbox');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
  });
});
