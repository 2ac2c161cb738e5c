import { randomInt } from 'node:crypto';
import { Roles, type StaffRoleName } from '../../src/domain/identity/role.js';
import { StaffUser } from '../../src/domain/identity/staff-user.js';
import { Centre, type NewCentre } from '../../src/domain/scheduling/centre.js';
import { T } from '../../src/bootstrap/tokens.js';
import type { TestApi } from './test-api.js';

/** A random Indian mobile in E.164, unique enough for one test file. */
export function randomPhone(): string {
  return `+919${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

export interface StaffSeed {
  role?: StaffRoleName;
  password?: string;
  username?: string;
  phone?: string;
  active?: boolean;
  deleted?: boolean;
  centreId?: number | null;
}

export interface SeededStaff {
  id: number;
  phone: string;
  username: string;
  password: string;
}

/** Inserts a staff member through the real repository and hasher. */
export async function seedStaff(t: TestApi, seed: StaffSeed = {}): Promise<SeededStaff> {
  const password = seed.password ?? 'Correct-Horse-42';
  const phone = seed.phone ?? randomPhone();
  const username = seed.username ?? `staff${randomInt(0, 1e9)}`;
  const hasher = t.api.container.get(T.SecretHasher);
  const passwordHash = await hasher.hash(password);
  const id = await t.inContext(async () => {
    const user = StaffUser.register(
      {
        fullName: 'Test Staff',
        phone,
        email: null,
        username,
        passwordHash,
        roleId: Roles[seed.role ?? 'FRONT_DESK'],
        centreId: seed.centreId ?? null,
      },
      new Date(),
    );
    if (seed.active === false) user.isActive = false;
    if (seed.deleted) user.deletedAt = new Date();
    await t.api.container.get(T.UnitOfWork).run(() => t.api.container.get(T.StaffUsers).add(user));
    return user.id;
  });
  return { id, phone, username, password };
}

export interface CentreSeed extends Partial<NewCentre> {
  active?: boolean;
}

/** Inserts a centre through the real repository; its name is unique unless one is given. */
export async function seedCentre(t: TestApi, seed: CentreSeed = {}): Promise<number> {
  const { active, ...details } = seed;
  return t.inContext(async () => {
    const centre = Centre.open(
      { name: `Centre ${randomInt(0, 1e9)}`, city: 'Bangalore', address: '1 Test Road', ...details },
      new Date(),
    );
    if (active === false) centre.toggleActive(new Date());
    await t.api.container.get(T.UnitOfWork).run(() => t.api.container.get(T.Centres).add(centre));
    return centre.id;
  });
}

/** The newest code the fake gateways sent to a phone, read through the dev outbox like a client would. */
export async function latestOtp(t: TestApi, phone: string): Promise<string> {
  const res = await t.request('GET', `/api/dev/outbox?to=${encodeURIComponent(phone)}`);
  const text: string | undefined = res.body.data?.[0]?.text;
  const code = text?.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no OTP in the outbox for ${phone}`);
  return code;
}

export async function staffLogin(t: TestApi, staff: SeededStaff) {
  const res = await t.request('POST', '/api/auth/login/username-password', {
    body: { username: staff.username, password: staff.password },
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.text}`);
  return res.body.data as { accessToken: string; refreshToken: string; user: { id: number } };
}

export async function patientLogin(t: TestApi, phone = randomPhone(), fullName = 'Test Patient') {
  await t.request('POST', '/api/patient-auth/send-otp', { body: { phone, fullName } });
  const otp = await latestOtp(t, phone);
  const res = await t.request('POST', '/api/patient-auth/verify-otp', { body: { phone, otp } });
  if (res.status !== 200) throw new Error(`patient login failed: ${res.text}`);
  return {
    phone,
    ...(res.body.data as {
      accessToken: string;
      refreshToken: string;
      patient: { id: number; isNewUser: boolean };
    }),
  };
}
