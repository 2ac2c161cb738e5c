import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomPhone, seedStaff } from '../support/builders.js';
import { sql } from '../support/booking-clinic.js';
import { GallaboxStub } from '../support/gallabox-stub.js';
import { Msg91Stub } from '../support/msg91-stub.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

/** The API wired to real adapters on local stubs: OTPs reach the provider and are stored nowhere. */
describe('messaging configured with Gallabox (and MSG91)', () => {
  let gallabox: GallaboxStub;
  let msg91: Msg91Stub;
  const gallaboxEnv = () => ({
    GALLABOX_API_KEY: gallabox.apiKey,
    GALLABOX_API_SECRET: gallabox.apiSecret,
    GALLABOX_CHANNEL_ID: gallabox.channelId,
    GALLABOX_BASE_URL: gallabox.url,
    GALLABOX_TEMPLATE_OTP: 'clinic_login_code',
  });

  beforeAll(async () => {
    gallabox = await new GallaboxStub().start();
    msg91 = await new Msg91Stub().start();
  });
  afterAll(async () => {
    await gallabox?.stop();
    await msg91?.stop();
  });

  describe('Gallabox only', () => {
    let t: TestApi;
    beforeAll(async () => {
      t = await startTestApi(gallaboxEnv());
    });
    afterAll(() => t?.close());

    it('sends patient OTPs and, with no SMS provider, staff OTPs by WhatsApp; stores no OTP; no dev outbox', async () => {
      const phone = randomPhone();
      expect((await t.request('POST', '/api/patient-auth/send-otp', { body: { phone } })).status).toBe(200);
      const staff = await seedStaff(t, { role: 'ADMIN' });
      expect((await t.request('POST', '/api/auth/send-otp', { body: { phone: staff.phone } })).status).toBe(
        200,
      );
      const patientCode = gallabox.accepted.find((m) => m.phone === phone.slice(1));
      const staffCode = gallabox.accepted.find((m) => m.phone === staff.phone.slice(1));
      expect(patientCode).toMatchObject({
        templateName: 'clinic_login_code',
        bodyValues: { code: expect.stringMatching(/^\d{6}$/) },
      });
      expect(staffCode?.templateName).toBe('clinic_login_code');

      const login = await t.request('POST', '/api/patient-auth/verify-otp', {
        body: { phone, otp: patientCode!.bodyValues.code },
      });
      expect(login.status).toBe(200);
      expect((await t.request('GET', '/api/dev/outbox')).status).toBe(404);
      expect(await sql(t, 'select id from notifications')).toEqual([]);
      expect(await sql(t, 'select id from dev_outbox_messages')).toEqual([]);
    });

    it('answers 503 GATEWAY_UNAVAILABLE when Gallabox refuses an OTP', async () => {
      gallabox.failNext(1, 400);
      const res = await t.request('POST', '/api/patient-auth/send-otp', { body: { phone: randomPhone() } });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('GATEWAY_UNAVAILABLE');
    });
  });

  describe('Gallabox and MSG91', () => {
    let t: TestApi;
    beforeAll(async () => {
      t = await startTestApi({
        ...gallaboxEnv(),
        SMS_PROVIDER: 'msg91',
        MSG91_AUTH_KEY: msg91.authKey,
        MSG91_TEMPLATE_ID: msg91.templateId,
        MSG91_BASE_URL: msg91.url,
      });
    });
    afterAll(() => t?.close());

    it('sends staff OTPs by SMS through MSG91', async () => {
      const staff = await seedStaff(t, { role: 'MANAGER' });
      const before = gallabox.accepted.length;
      expect((await t.request('POST', '/api/auth/send-otp', { body: { phone: staff.phone } })).status).toBe(
        200,
      );
      const sms = msg91.accepted.find((m) => m.mobiles === staff.phone.slice(1));
      expect(sms?.vars.code).toMatch(/^\d{6}$/);
      expect(gallabox.accepted.length).toBe(before);
      const login = await t.request('POST', '/api/auth/login/phone-otp', {
        body: { phone: staff.phone, otp: sms!.vars.code },
      });
      expect(login.status).toBe(200);
    });
  });
});
