import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestOtp, randomPhone, seedStaff, staffLogin } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('staff authentication (/api/auth)', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(async () => t.close());

  describe('send-otp and phone-OTP login', () => {
    it('sends a 6-digit code by SMS to an active staff phone and logs in with it', async () => {
      const staff = await seedStaff(t, { role: 'CLINICIAN' });
      const sent = await t.request('POST', '/api/auth/send-otp', { body: { phone: staff.phone } });
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual({
        success: true,
        message: 'OTP sent successfully',
        data: { phone: staff.phone, expiresIn: 300 },
      });
      const outbox = await t.request('GET', `/api/dev/outbox?to=${encodeURIComponent(staff.phone)}`);
      expect(outbox.body.data[0]).toMatchObject({ channel: 'sms', to: staff.phone, template: 'otp' });
      const otp = await latestOtp(t, staff.phone);
      expect(otp).toMatch(/^\d{6}$/);

      const login = await t.request('POST', '/api/auth/login/phone-otp', {
        body: { phone: staff.phone, otp },
      });
      expect(login.status).toBe(200);
      expect(login.body.message).toBe('Login successful');
      expect(login.body.data.user).toEqual({
        id: staff.id,
        fullName: 'Test Staff',
        phone: staff.phone,
        email: null,
        roleId: 3,
        roleName: 'CLINICIAN',
        isActive: true,
      });
      expect(login.body.data.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(login.body.data.refreshToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    });

    it('accepts the phone in a common Indian format and normalises it', async () => {
      const staff = await seedStaff(t);
      const local = staff.phone.slice(3).replace(/^(\d{5})/, '$1 ');
      const sent = await t.request('POST', '/api/auth/send-otp', { body: { phone: `0${local}` } });
      expect(sent.body.data.phone).toBe(staff.phone);
      const otp = await latestOtp(t, staff.phone);
      const login = await t.request('POST', '/api/auth/login/phone-otp', { body: { phone: local, otp } });
      expect(login.status).toBe(200);
    });

    it('answers the same for an unknown phone and sends nothing', async () => {
      const phone = randomPhone();
      const sent = await t.request('POST', '/api/auth/send-otp', { body: { phone } });
      expect(sent.status).toBe(200);
      expect(sent.body.data).toEqual({ phone, expiresIn: 300 });
      const outbox = await t.request('GET', `/api/dev/outbox?to=${encodeURIComponent(phone)}`);
      expect(outbox.body.data).toEqual([]);
      const login = await t.request('POST', '/api/auth/login/phone-otp', { body: { phone, otp: '123456' } });
      expect(login.status).toBe(401);
      expect(login.body.error.code).toBe('INVALID_OTP');
    });

    it('refuses a wrong code with INVALID_OTP and a reused code', async () => {
      const staff = await seedStaff(t);
      await t.request('POST', '/api/auth/send-otp', { body: { phone: staff.phone } });
      const otp = await latestOtp(t, staff.phone);
      const wrong = otp === '000000' ? '111111' : '000000';
      const bad = await t.request('POST', '/api/auth/login/phone-otp', {
        body: { phone: staff.phone, otp: wrong },
      });
      expect(bad.status).toBe(401);
      expect(bad.body.error.code).toBe('INVALID_OTP');
      expect(
        (await t.request('POST', '/api/auth/login/phone-otp', { body: { phone: staff.phone, otp } })).status,
      ).toBe(200);
      const reused = await t.request('POST', '/api/auth/login/phone-otp', {
        body: { phone: staff.phone, otp },
      });
      expect(reused.status).toBe(401);
      expect(reused.body.error.code).toBe('OTP_EXPIRED');
    });

    it('a new code replaces the old one', async () => {
      const staff = await seedStaff(t);
      await t.request('POST', '/api/auth/send-otp', { body: { phone: staff.phone } });
      const first = await latestOtp(t, staff.phone);
      let second = first;
      while (second === first) {
        await t.request('POST', '/api/auth/send-otp', { body: { phone: staff.phone } });
        second = await latestOtp(t, staff.phone);
      }
      const old = await t.request('POST', '/api/auth/login/phone-otp', {
        body: { phone: staff.phone, otp: first },
      });
      expect(old.status).toBe(401);
      expect(
        (await t.request('POST', '/api/auth/login/phone-otp', { body: { phone: staff.phone, otp: second } }))
          .status,
      ).toBe(200);
    });

    it('sends no code to an inactive account and refuses a code issued before deactivation', async () => {
      const inactive = await seedStaff(t, { active: false });
      await t.request('POST', '/api/auth/send-otp', { body: { phone: inactive.phone } });
      const outbox = await t.request('GET', `/api/dev/outbox?to=${encodeURIComponent(inactive.phone)}`);
      expect(outbox.body.data).toEqual([]);

      const staff = await seedStaff(t);
      await t.request('POST', '/api/auth/send-otp', { body: { phone: staff.phone } });
      const otp = await latestOtp(t, staff.phone);
      await t.inContext(() =>
        t.api.infra.orm.em
          .getConnection()
          .execute('update staff_users set is_active = false where id = ?', [staff.id]),
      );
      const login = await t.request('POST', '/api/auth/login/phone-otp', {
        body: { phone: staff.phone, otp },
      });
      expect(login.status).toBe(401);
      expect(login.body.error.code).toBe('INVALID_OTP');
    });
  });

  describe('password logins', () => {
    it('logs in with phone + password and with username + password', async () => {
      const staff = await seedStaff(t, { role: 'MANAGER' });
      const byPhone = await t.request('POST', '/api/auth/login/phone-password', {
        body: { phone: staff.phone, password: staff.password },
      });
      expect(byPhone.status).toBe(200);
      expect(byPhone.body.data.user).toMatchObject({ id: staff.id, roleId: 2, roleName: 'MANAGER' });
      const byUsername = await t.request('POST', '/api/auth/login/username-password', {
        body: { username: staff.username.toUpperCase(), password: staff.password },
      });
      expect(byUsername.status).toBe(200);
      expect(byUsername.body.data.user.id).toBe(staff.id);
    });

    it('answers INVALID_CREDENTIALS alike for a wrong password, phone or username', async () => {
      const staff = await seedStaff(t);
      const attempts = [
        { path: '/api/auth/login/phone-password', body: { phone: staff.phone, password: 'wrong-password' } },
        { path: '/api/auth/login/phone-password', body: { phone: randomPhone(), password: staff.password } },
        { path: '/api/auth/login/phone-password', body: { phone: 'not a phone', password: staff.password } },
        {
          path: '/api/auth/login/username-password',
          body: { username: staff.username, password: 'wrong-password' },
        },
        {
          path: '/api/auth/login/username-password',
          body: { username: 'nobody-here', password: staff.password },
        },
      ];
      for (const attempt of attempts) {
        const res = await t.request('POST', attempt.path, { body: attempt.body });
        expect(res.status).toBe(401);
        expect(res.body).toEqual({
          success: false,
          error: { code: 'INVALID_CREDENTIALS', message: 'Invalid credentials' },
        });
      }
    });

    it('takes about as long for an unknown username as for a wrong password', async () => {
      const staff = await seedStaff(t);
      const time = async (body: object) => {
        const started = performance.now();
        await t.request('POST', '/api/auth/login/username-password', { body });
        return performance.now() - started;
      };
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 7; i += 1) {
        known.push(await time({ username: staff.username, password: 'wrong-password' }));
        unknown.push(await time({ username: `ghost${i}`, password: 'wrong-password' }));
      }
      // Both pay one argon2id verification; without the decoy an unknown name would answer in ~1 ms.
      expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
    });

    it('refuses inactive and deleted staff with INVALID_CREDENTIALS', async () => {
      for (const seed of [{ active: false }, { deleted: true }]) {
        const staff = await seedStaff(t, seed);
        const res = await t.request('POST', '/api/auth/login/username-password', {
          body: { username: staff.username, password: staff.password },
        });
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
      }
    });
  });

  describe('refresh, me and logout', () => {
    it('refresh returns a new access token that works on /me', async () => {
      const staff = await seedStaff(t, { role: 'CARE_COORDINATOR' });
      const { refreshToken } = await staffLogin(t, staff);
      const refreshed = await t.request('POST', '/api/auth/refresh', { body: { refreshToken } });
      expect(refreshed.status).toBe(200);
      expect(Object.keys(refreshed.body.data)).toEqual(['accessToken']);
      const me = await t.request('GET', '/api/auth/me', { token: refreshed.body.data.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.data).toEqual({
        id: staff.id,
        fullName: 'Test Staff',
        phone: staff.phone,
        email: null,
        roleId: 5,
        roleName: 'CARE_COORDINATOR',
        isActive: true,
      });
    });

    it('logout revokes the refresh token', async () => {
      const staff = await seedStaff(t);
      const { accessToken, refreshToken } = await staffLogin(t, staff);
      const out = await t.request('POST', '/api/auth/logout', { token: accessToken, body: { refreshToken } });
      expect(out.status).toBe(200);
      expect(out.body).toEqual({ success: true, message: 'Logged out successfully' });
      const after = await t.request('POST', '/api/auth/refresh', { body: { refreshToken } });
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('INVALID_TOKEN');
    });

    it("logout leaves another account's session alone", async () => {
      const a = await staffLogin(t, await seedStaff(t));
      const b = await staffLogin(t, await seedStaff(t));
      await t.request('POST', '/api/auth/logout', {
        token: a.accessToken,
        body: { refreshToken: b.refreshToken },
      });
      expect(
        (await t.request('POST', '/api/auth/refresh', { body: { refreshToken: b.refreshToken } })).status,
      ).toBe(200);
    });

    it('logout and me need a staff access token', async () => {
      expect((await t.request('GET', '/api/auth/me')).body.error.code).toBe('UNAUTHORIZED');
      const res = await t.request('POST', '/api/auth/logout', { body: { refreshToken: 'x.y.z' } });
      expect(res.status).toBe(401);
    });

    it('refresh refuses an access token, a patient refresh token and garbage', async () => {
      const staff = await staffLogin(t, await seedStaff(t));
      for (const refreshToken of [staff.accessToken, 'garbage', `${staff.refreshToken}x`]) {
        const res = await t.request('POST', '/api/auth/refresh', { body: { refreshToken } });
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe('INVALID_TOKEN');
      }
    });
  });
});
