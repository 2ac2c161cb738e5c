import type { StaffRoleName } from '../../src/domain/identity/role.js';
import { patientLogin, randomPhone, seedCentre, seedStaff, staffLogin } from './builders.js';
import type { TestApi } from './test-api.js';

export interface AppointmentSeed {
  patientId: number;
  clinicianId: number;
  centreId: number;
  /** An instant with its offset, e.g. `2030-01-15T09:00:00-05:00`. */
  startAt: string;
  minutes?: number;
  status?: 'PENDING' | 'CONFIRMED' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';
  feePaise?: number;
  paymentStatus?: 'PENDING' | 'PAID' | 'FAILED' | 'REFUNDED' | 'WAIVED';
  holdExpiresAt?: string | null;
  notes?: string | null;
  cancellationReason?: string | null;
  paymentLinkUrl?: string | null;
}

/** Writes an appointment straight into the table, so reads are tested apart from the booking commands. */
export async function insertAppointment(t: TestApi, seed: AppointmentSeed): Promise<number> {
  const status = seed.status ?? 'CONFIRMED';
  const hold =
    seed.holdExpiresAt !== undefined ? seed.holdExpiresAt : status === 'PENDING' ? seed.startAt : null;
  const rows: Array<{ id: number }> = await t.inContext(() =>
    t.api.infra.orm.em.getConnection().execute(
      `insert into appointments (patient_id, clinician_id, centre_id, start_at, end_at, session_type, status, fee_paise,
         payment_status, hold_expires_at, notes, cancellation_reason, cancelled_at, cancelled_by, payment_link_url, created_by)
       values (?, ?, ?, ?::timestamptz, ?::timestamptz + make_interval(mins => ?), 'ONLINE', ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test')
       returning id`,
      [
        seed.patientId,
        seed.clinicianId,
        seed.centreId,
        seed.startAt,
        seed.startAt,
        seed.minutes ?? 60,
        status,
        seed.feePaise ?? 150_000,
        seed.paymentStatus ?? 'PAID',
        hold,
        seed.notes ?? null,
        status === 'CANCELLED' ? (seed.cancellationReason ?? 'Patient requested') : null,
        status === 'CANCELLED' ? new Date() : null,
        status === 'CANCELLED' ? 'test' : null,
        seed.paymentLinkUrl ?? null,
      ],
    ),
  );
  return rows[0]!.id;
}

export interface Clinician {
  id: number;
  userId: number;
  token: string;
}

/** A clinician made through the API (so it has its staff login), logged in. */
export async function createClinician(
  t: TestApi,
  adminToken: string,
  fullName: string,
  primaryCentreId: number,
): Promise<Clinician> {
  const body = {
    fullName,
    phone: randomPhone(),
    password: 'Clinician-Pass-1',
    primaryCentreId,
    consultationFee: 1500,
  };
  const created = await t.request('POST', '/api/clinicians', { token: adminToken, body });
  if (created.status !== 201) throw new Error(`clinician: ${created.text}`);
  const login = await t.request('POST', '/api/auth/login/phone-password', {
    body: { phone: body.phone, password: body.password },
  });
  if (login.status !== 200) throw new Error(`clinician login: ${login.text}`);
  return { id: created.body.data.id, userId: created.body.data.userId, token: login.body.data.accessToken };
}

export interface Patient {
  id: number;
  phone: string;
  token: string;
}

export async function createPatient(t: TestApi, fullName: string): Promise<Patient> {
  const login = await patientLogin(t, randomPhone(), fullName);
  return { id: login.patient.id, phone: login.phone, token: login.accessToken };
}

/** Two centres (one in New York), a clinician based at each, three patients and an admin. */
export async function seedWorld(t: TestApi) {
  const admin = (await staffLogin(t, await seedStaff(t, { role: 'ADMIN' }))).accessToken;
  const india = await seedCentre(t, { name: 'Mibo Bangalore', city: 'Bangalore', timezone: 'Asia/Kolkata' });
  const newYork = await seedCentre(t, {
    name: 'Mibo New York',
    city: 'New York',
    timezone: 'America/New_York',
  });
  const rao = await createClinician(t, admin, 'Dr. Arjun Rao', india);
  const shah = await createClinician(t, admin, 'Dr. Nisha Shah', newYork);
  const jane = await createPatient(t, 'Jane Smith');
  const ravi = await createPatient(t, 'Ravi Kumar');
  const anu = await createPatient(t, 'Anu Das');
  return { admin, india, newYork, rao, shah, jane, ravi, anu };
}

export async function staffToken(
  t: TestApi,
  role: StaffRoleName,
  centreId: number | null = null,
): Promise<string> {
  return (await staffLogin(t, await seedStaff(t, { role, centreId }))).accessToken;
}
