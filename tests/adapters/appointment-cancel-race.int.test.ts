import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelAppointmentHandler } from '../../src/application/booking/commands/cancel-appointment.js';
import type { AppointmentRepository } from '../../src/application/booking/ports/appointment-repository.js';
import { T } from '../../src/bootstrap/tokens.js';
import { Appointment } from '../../src/domain/booking/appointment.js';
import { Patient } from '../../src/domain/identity/patient.js';
import { randomPhone } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// No worker: the jobs the race queues stay in the outbox for the test to read.
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ WORKER: 'off' });
});
afterAll(() => t?.close());

const MIN = 60_000;
const FEE = 150_000;
async function pendingBooking(clinicianId: number): Promise<{ id: number; patientId: number }> {
  const now = new Date();
  const startAt = new Date(now.getTime() + 3 * 24 * 60 * MIN);
  const patient = Patient.signUp(randomPhone(), 'Racer', now);
  const appointment = await t.inContext(() =>
    t.api.container.get(T.UnitOfWork).run(async () => {
      await t.api.container.get(T.Patients).add(patient);
      const a = Appointment.book(
        {
          patientId: patient.id,
          clinicianId,
          centreId: 1,
          startAt,
          endAt: new Date(startAt.getTime() + 60 * MIN),
          sessionType: 'ONLINE',
          feePaise: FEE,
          feeSetBy: null,
          holdExpiresAt: new Date(now.getTime() + 15 * MIN),
          notes: null,
          createdBy: `patient:${patient.id}`,
        },
        now,
      );
      await t.api.container.get(T.Appointments).add(a);
      return a;
    }),
  );
  return { id: appointment.id, patientId: patient.id };
}

const capture = (id: number) =>
  t.inContext(() =>
    t.api.container
      .get(T.PaymentCapture)
      .record({ appointmentId: id, providerPaymentId: `pay_race_${id}`, amountPaise: FEE, method: 'UPI' }),
  );

type Row = Record<string, unknown>;

async function stateOf(id: number) {
  const sql = (q: string): Promise<Row[]> =>
    t.inContext(() => t.api.container.get(T.Em).execute<Row[]>(q, [id]));
  const [appointment] = await sql('select status, payment_status, history from appointments where id = ?');
  const [payment] = await sql('select status from payments where appointment_id = ?');
  const refunds = await sql(
    `select key from outbox_jobs where name = 'billing.refund' and payload->>'appointmentId' = ?::text`,
  );
  return {
    status: appointment!.status as string,
    paymentStatus: appointment!.payment_status as string,
    changes: (appointment!.history as Array<{ from: string; to: string }>).map((e) => `${e.from}>${e.to}`),
    payment: (payment?.status as string | undefined) ?? null,
    refundKeys: refunds.map((row) => row.key as string).sort(),
  };
}

/** The two orders a cancel and a capture may take; anything else is a lost update. */
function expectConsistent(id: number, state: Awaited<ReturnType<typeof stateOf>>) {
  const cancelFirst = {
    status: 'CANCELLED',
    paymentStatus: 'PENDING',
    changes: ['PENDING>CANCELLED'],
    payment: 'REFUND_PENDING',
  };
  const captureFirst = {
    status: 'CANCELLED',
    paymentStatus: 'PAID',
    changes: ['PENDING>CONFIRMED', 'CONFIRMED>CANCELLED'],
    payment: 'PAID',
  };
  const { refundKeys, ...rest } = state;
  expect([cancelFirst, captureFirst]).toContainEqual(rest);
  // The cancel always asks billing to refund; a capture that finds the appointment cancelled does too.
  const expected = [`billing.refund:${id}:cancelled`];
  if (rest.paymentStatus === 'PENDING') expected.push(`billing.refund:${id}:pay_race_${id}`);
  expect(refundKeys).toEqual(expected.sort());
}

describe('a cancel racing a payment capture on one appointment', () => {
  it('ends cancelled with the money on its way back, whichever commits first', async () => {
    const bookings = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => pendingBooking(5000 + i)));
    const cancel = t.api.container.get(T.CancelAppointment);
    await Promise.all(
      bookings.flatMap(({ id, patientId }) => [
        t.inContext(() => cancel.byPatient({ id, reason: 'Changed plans' }, { kind: 'patient', patientId })),
        capture(id),
      ]),
    );
    for (const { id } of bookings) expectConsistent(id, await stateOf(id));
  });

  it('a capture arriving while the cancel holds the appointment waits for it, and then refunds', async () => {
    const { id, patientId } = await pendingBooking(6001);
    const real = t.api.container.get(T.Appointments);
    let loaded!: () => void;
    const cancelHasLoaded = new Promise<void>((resolve) => (loaded = resolve));
    let captured: Promise<unknown> = new Promise(() => {});
    // The cancel pauses after loading until the capture is done (or, if the capture is blocked by the
    // lock, for a moment): without the row lock the capture commits in between and the cancel,
    // working from what it read, overwrites the confirmation.
    const pause = async (a: Appointment | null) => {
      loaded();
      await Promise.race([captured, new Promise((resolve) => setTimeout(resolve, 400))]);
      return a;
    };
    const gated: AppointmentRepository = {
      findById: async (key) => pause(await real.findById(key)),
      findByIdForUpdate: async (key) => pause(await real.findByIdForUpdate(key)),
      add: (a) => real.add(a),
      releaseExpiredHolds: (...args) => real.releaseExpiredHolds(...args),
    };
    const cancel = new CancelAppointmentHandler(
      gated,
      t.api.container.get(T.UnitOfWork),
      t.api.container.get(T.Clock),
      { patientCancelCutoffHours: 24 },
      t.api.container.get(T.EventRecorder),
    );
    const cancelling = t.inContext(() =>
      cancel.byPatient({ id, reason: null }, { kind: 'patient', patientId }),
    );
    await cancelHasLoaded;
    captured = capture(id);
    await Promise.all([cancelling, captured]);
    const state = await stateOf(id);
    expect(state).toMatchObject({ status: 'CANCELLED', paymentStatus: 'PENDING', payment: 'REFUND_PENDING' });
    expectConsistent(id, state);
  });
});
