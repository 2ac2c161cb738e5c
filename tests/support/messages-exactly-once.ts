import { Redis } from 'ioredis';
import { expect } from 'vitest';
import {
  fakeRazorpay,
  mondayClinician,
  nextMonday,
  patientToken,
  sql,
  staffToken,
} from './booking-clinic.js';
import { seedCentre } from './builders.js';
import type { TestApi } from './test-api.js';

/**
 * A clinic where many patients book and pay, and the checks that every confirmation then reached its
 * patient exactly once (tests/bootstrap/messages-exactly-once*.test.ts).
 */
export interface Patient {
  id: number;
  phone: string;
  token: string;
}

export interface PaidBooking {
  appointmentId: number;
  patient: Patient;
  /** How long the booking request and the payment request took, in ms. */
  tookMs: [number, number];
}

export interface Clinic {
  centreId: number;
  slots: Array<{ clinicianId: number; time: string }>;
  patients: Patient[];
}

/** Enough clinicians (four Monday slots each) and logged-in patients for `count` bookings. */
export async function clinicFor(t: TestApi, count: number): Promise<Clinic> {
  const admin = (await staffToken(t, 'ADMIN')).token;
  const centreId = await seedCentre(t, { timezone: 'Asia/Kolkata' });
  const slots: Clinic['slots'] = [];
  for (let c = 0; slots.length < count; c++) {
    const clinicianId = await mondayClinician(t, admin, centreId);
    for (const hour of [9, 10, 11, 12])
      slots.push({ clinicianId, time: `${String(hour).padStart(2, '0')}:00:00` });
  }
  const patients: Patient[] = [];
  for (let i = 0; i < count; i++) patients.push(await patientToken(t, `Patient ${i}`));
  return { centreId, slots: slots.slice(0, count), patients };
}

const timed = async <R>(work: () => Promise<R>): Promise<[R, number]> => {
  const started = Date.now();
  const result = await work();
  return [result, Date.now() - started];
};

/** Patient i books slot i (`POST /api/booking/create`) and pays it (`POST /api/payments/verify`). */
export async function bookAndPay(t: TestApi, clinic: Clinic, i: number): Promise<PaidBooking> {
  const patient = clinic.patients[i]!;
  const slot = clinic.slots[i]!;
  const [booked, bookMs] = await timed(() =>
    t.request('POST', '/api/booking/create', {
      token: patient.token,
      body: {
        clinicianId: slot.clinicianId,
        centreId: clinic.centreId,
        appointmentDate: nextMonday('Asia/Kolkata').toString(),
        appointmentTime: slot.time,
        sessionType: 'IN_PERSON',
      },
    }),
  );
  expect(booked.status, booked.text).toBe(201);
  const appointmentId: number = booked.body.data.appointmentId;
  const orderId: string = booked.body.data.paymentOrderId;
  // Checkout.js would pay the order at Razorpay; the fake signs as Razorpay does (HMAC of order|payment).
  const paid = await fakeRazorpay(t).payOrder(orderId);
  const [verified, payMs] = await timed(() =>
    t.request('POST', '/api/payments/verify', {
      token: patient.token,
      body: {
        razorpayOrderId: orderId,
        razorpayPaymentId: paid.paymentId,
        razorpaySignature: paid.signature,
        appointmentId,
      },
    }),
  );
  expect(verified.status, verified.text).toBe(200);
  return { appointmentId, patient, tookMs: [bookMs, payMs] };
}

/** Open confirmation jobs (due now): none left means the outbox is drained of them. */
export async function openConfirmations(t: TestApi): Promise<number> {
  const rows = await sql<{ n: string }>(
    t,
    `select count(*) as n from outbox_jobs
      where name = 'messaging.confirmation' and completed_at is null and failed_at is null`,
  );
  return Number(rows[0]!.n);
}

/** Polls `check` until it holds, or fails with `what` after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Every booking's confirmation: one SENT notification row per appointment (none FAILED), and exactly
 * one confirmation in the dev outbox (what the fake WhatsApp provider received) per patient phone.
 */
export async function expectEachConfirmedOnce(t: TestApi, bookings: readonly PaidBooking[]): Promise<void> {
  const rows = await sql<{ appointment_id: number; status: string; recipient: string }>(
    t,
    `select appointment_id, status, recipient from notifications
      where type = 'APPOINTMENT_CONFIRMATION' order by appointment_id, id`,
  );
  const expected = bookings
    .map((b) => ({ appointment_id: b.appointmentId, status: 'SENT', recipient: b.patient.phone }))
    .sort((a, b) => a.appointment_id - b.appointment_id);
  expect(rows).toEqual(expected);
  const failed = await sql(t, `select id, type, last_error from notifications where status = 'FAILED'`);
  expect(failed).toEqual([]);
  for (const { patient } of bookings) {
    const outbox = await t.request('GET', `/api/dev/outbox?to=${encodeURIComponent(patient.phone)}`);
    expect(outbox.status).toBe(200);
    const confirmations = (outbox.body.data as Array<{ template: string; channel: string }>).filter(
      (m) => m.template === 'appointment_confirmation',
    );
    expect(confirmations, `confirmations to ${patient.phone}`).toEqual([
      expect.objectContaining({ channel: 'whatsapp', template: 'appointment_confirmation' }),
    ]);
  }
}

/**
 * The shared services' identities (Redis run id, PostgreSQL start time): equal before and after a
 * test means it stopped only what it started.
 */
export async function sharedServices(
  t: TestApi,
  redisUrl: string,
): Promise<{ redis: string; postgres: string }> {
  const probe = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000 });
  try {
    const info = await probe.info('server');
    const runId = /run_id:(\w+)/.exec(info)?.[1] ?? 'unknown';
    const started = await sql<{ at: Date }>(t, 'select pg_postmaster_start_time() as at');
    return { redis: runId, postgres: new Date(started[0]!.at).toISOString() };
  } finally {
    probe.disconnect();
  }
}
