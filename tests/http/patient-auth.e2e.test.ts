import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestOtp, patientLogin, randomPhone, seedStaff, staffLogin } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('patient authentication (/api/patient-auth)', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(async () => t.close());

  const send = (phone: string, fullName?: string) =>
    t.request('POST', '/api/patient-auth/send-otp', { body: fullName ? { phone, fullName } : { phone } });
  const verify = (phone: string, otp: string) =>
    t.request('POST', '/api/patient-auth/verify-otp', { body: { phone, otp } });
  const expireCodesOf = (phone: string) =>
    t.inContext(() =>
      t.api.infra.orm.em
        .getConnection()
        .execute("update one_time_codes set expires_at = now() - interval '1 second' where phone = ?", [
          phone,
        ]),
    );

  it('sends the code on WhatsApp; the first verify signs the patient up, the next logs in', async () => {
    const phone = randomPhone();
    const sent = await send(phone, 'Asha Rao');
    expect(sent.status).toBe(200);
    expect(sent.body).toEqual({
      success: true,
      message: 'OTP sent successfully via WhatsApp',
      data: { phone, expiresIn: 300 },
    });
    const outbox = await t.request('GET', `/api/dev/outbox?to=${encodeURIComponent(phone)}`);
    expect(outbox.body.data[0]).toMatchObject({ channel: 'whatsapp', to: phone, template: 'otp' });
    expect(outbox.body.data[0].text).not.toMatch(/therap|psych|mental|diagnos/i);

    const first = await verify(phone, await latestOtp(t, phone));
    expect(first.status).toBe(200);
    expect(first.body.message).toBe('Login successful');
    expect(first.body.data.patient).toEqual({
      id: expect.any(Number),
      fullName: 'Asha Rao',
      phone,
      email: null,
      isNewUser: true,
    });

    await send(phone);
    const second = await verify(phone, await latestOtp(t, phone));
    expect(second.body.data.patient).toMatchObject({
      id: first.body.data.patient.id,
      fullName: 'Asha Rao',
      isNewUser: false,
    });
  });

  it('/me returns the profile of the calling patient only', async () => {
    const a = await patientLogin(t, randomPhone(), 'Patient A');
    const b = await patientLogin(t, randomPhone(), 'Patient B');
    const meA = await t.request('GET', '/api/patient-auth/me', { token: a.accessToken });
    expect(meA.status).toBe(200);
    expect(meA.body.data).toEqual({
      id: a.patient.id,
      fullName: 'Patient A',
      phone: a.phone,
      email: null,
      dateOfBirth: null,
      gender: null,
      bloodGroup: null,
      emergencyContactName: null,
      emergencyContactPhone: null,
    });
    const meB = await t.request('GET', '/api/patient-auth/me', { token: b.accessToken });
    expect(meB.body.data.id).toBe(b.patient.id);
  });

  it('refresh-token gives a new access token; logout (no access token needed) revokes it', async () => {
    const p = await patientLogin(t);
    const refreshed = await t.request('POST', '/api/patient-auth/refresh-token', {
      body: { refreshToken: p.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(
      (await t.request('GET', '/api/patient-auth/me', { token: refreshed.body.data.accessToken })).status,
    ).toBe(200);

    const out = await t.request('POST', '/api/patient-auth/logout', {
      body: { refreshToken: p.refreshToken },
    });
    expect(out.body).toEqual({ success: true, message: 'Logged out successfully' });
    const after = await t.request('POST', '/api/patient-auth/refresh-token', {
      body: { refreshToken: p.refreshToken },
    });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('INVALID_TOKEN');
  });

  it('an OTP is single use', async () => {
    const phone = randomPhone();
    await send(phone);
    const otp = await latestOtp(t, phone);
    expect((await verify(phone, otp)).status).toBe(200);
    const again = await verify(phone, otp);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('OTP_EXPIRED');
  });

  it('5 wrong tries burn the code: even the right one then answers OTP_EXPIRED', async () => {
    const phone = randomPhone();
    await send(phone);
    const otp = await latestOtp(t, phone);
    const wrong = otp === '999999' ? '000000' : String(Number(otp) + 1).padStart(6, '0');
    for (let i = 0; i < 5; i += 1) {
      const res = await verify(phone, wrong);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('INVALID_OTP');
    }
    const right = await verify(phone, otp);
    expect(right.status).toBe(401);
    expect(right.body.error.code).toBe('OTP_EXPIRED');
    await send(phone);
    expect((await verify(phone, await latestOtp(t, phone))).status).toBe(200);
  });

  it('an expired code answers OTP_EXPIRED and creates no patient', async () => {
    const phone = randomPhone();
    await send(phone, 'Too Late');
    const otp = await latestOtp(t, phone);
    await expireCodesOf(phone);
    const res = await verify(phone, otp);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('OTP_EXPIRED');
    const rows: unknown[] = await t.inContext(() =>
      t.api.infra.orm.em.getConnection().execute('select id from patients where phone = ?', [phone]),
    );
    expect(rows).toEqual([]);
  });

  it('a code for a phone that asked for none is INVALID_OTP', async () => {
    const res = await verify(randomPhone(), '123456');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_OTP');
  });

  it('a staff OTP does not log a patient in, nor the reverse', async () => {
    const staff = await seedStaff(t);
    await t.request('POST', '/api/auth/send-otp', { body: { phone: staff.phone } });
    const staffCode = await latestOtp(t, staff.phone);
    expect((await verify(staff.phone, staffCode)).body.error.code).toBe('INVALID_OTP');
    await send(staff.phone);
    const patientCode = await latestOtp(t, staff.phone);
    const asStaff = await t.request('POST', '/api/auth/login/phone-otp', {
      body: { phone: staff.phone, otp: patientCode },
    });
    expect(asStaff.status).toBe(401);
    await staffLogin(t, staff);
  });

  it('two verifies racing with one code: exactly one succeeds', async () => {
    const phone = randomPhone();
    await send(phone);
    const otp = await latestOtp(t, phone);
    const results = await Promise.all([verify(phone, otp), verify(phone, otp), verify(phone, otp)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
    const rows: unknown[] = await t.inContext(() =>
      t.api.infra.orm.em.getConnection().execute('select id from patients where phone = ?', [phone]),
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses invalid phones and fields it does not know', async () => {
    const bad = await t.request('POST', '/api/patient-auth/send-otp', { body: { phone: '12345' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: { phone: 'Invalid phone number' },
    });
    const extra = await t.request('POST', '/api/patient-auth/verify-otp', {
      body: { phone: randomPhone(), otp: '123456', isNewUser: false },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details).toHaveProperty('isNewUser');
  });
});

describe('first OTP requests racing for one phone', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(async () => t.close());

  it('all succeed and leave exactly one code row for the phone', async () => {
    const phone = randomPhone();
    const results = await Promise.all(
      Array.from({ length: 4 }, () => t.request('POST', '/api/patient-auth/send-otp', { body: { phone } })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const rows: unknown[] = await t.inContext(() =>
      t.api.infra.orm.em.getConnection().execute('select id from one_time_codes where phone = ?', [phone]),
    );
    expect(rows).toHaveLength(1);
  });
});
