import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../src/bootstrap/tokens.js';
import { Appointment } from '../../src/domain/booking/appointment.js';
import { Patient } from '../../src/domain/identity/patient.js';
import { randomPhone } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t?.close());

const now = new Date();
let hour = 0;
const payments = () => t.api.container.get(T.Payments);
const inTx = <R>(work: () => Promise<R>) => t.inContext(() => t.api.container.get(T.UnitOfWork).run(work));

async function newAppointment(): Promise<number> {
  const patient = Patient.signUp(randomPhone(), 'Payer', now);
  const startAt = new Date(now.getTime() + (72 + hour++) * 3_600_000);
  return inTx(async () => {
    await t.api.container.get(T.Patients).add(patient);
    const appointment = Appointment.book(
      {
        patientId: patient.id,
        clinicianId: 5000 + hour,
        centreId: 1,
        startAt,
        endAt: new Date(startAt.getTime() + 3_600_000),
        sessionType: 'ONLINE',
        feePaise: 150_000,
        feeSetBy: null,
        holdExpiresAt: new Date(now.getTime() + 900_000),
        notes: null,
        createdBy: 'system',
      },
      now,
    );
    await t.api.container.get(T.Appointments).add(appointment);
    return appointment.id;
  });
}

const capture = (appointmentId: number, providerPaymentId: string) =>
  inTx(async () => {
    const appointment = (await payments().lockAppointment(appointmentId))!;
    const payment = await payments().lockPaymentOf(appointment, now);
    return payment.capture({ providerPaymentId, amountPaise: 150_000, method: 'UPI' }, now);
  });

/** What is persisted (events waiting for the outbox are not). */
const fields = (entity: object) => {
  const { pendingEvents: _events, ...persisted } = entity as Record<string, unknown>;
  return persisted;
};

describe('payments persistence', () => {
  it('the capture path reads the same appointment and payment as the ORM, and writes them back whole', async () => {
    const id = await newAppointment();
    const viaOrm = await inTx(async () => {
      const appointment = (await payments().lockAppointment(id))!;
      return {
        appointment: fields(appointment),
        payment: fields(await payments().lockPaymentOf(appointment, now)),
      };
    });
    const captured = await inTx(async () => {
      const appointment = (await payments().lockAppointmentForCapture(id))!;
      const payment = await payments().lockPaymentForCapture(appointment, now);
      expect(appointment).toBeInstanceOf(Appointment);
      expect(fields(appointment)).toEqual(viaOrm.appointment);
      expect(fields(payment)).toEqual(viaOrm.payment);
      payment.capture({ providerPaymentId: `pay_Whole${id}`, amountPaise: 150_000, method: 'UPI' }, now);
      appointment.markPaid(now);
      await payments().saveCaptured(appointment, payment);
      return { appointment: fields(appointment), payment: fields(payment) };
    });
    const reread = await inTx(async () => {
      const appointment = (await payments().lockAppointmentForCapture(id))!;
      return {
        appointment: fields(appointment),
        payment: fields(await payments().lockPaymentForCapture(appointment, now)),
      };
    });
    expect(reread).toEqual(captured);
    expect(reread.appointment).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'PAID' });
  });

  it('opens one payment per appointment even when two units of work race to open it', async () => {
    const id = await newAppointment();
    const opened = await Promise.all(
      [1, 2, 3].map(() =>
        inTx(async () => (await payments().lockPaymentOf((await payments().lockAppointment(id))!, now)).id),
      ),
    );
    expect(new Set(opened).size).toBe(1);
    const saved = await t.inContext(() => payments().findByAppointment(id));
    expect(saved).toMatchObject({
      appointmentId: id,
      amountPaise: 150_000,
      status: 'PENDING',
      currency: 'INR',
    });
  });

  it('keeps what a payment records and finds the appointment by order, link and provider payment', async () => {
    const id = await newAppointment();
    await inTx(async () => {
      const appointment = (await payments().lockAppointment(id))!;
      appointment.attachPaymentOrder('order_Persisted000001', now);
      const payment = await payments().lockPaymentOf(appointment, now);
      payment.attachLink(
        { linkId: 'plink_Persisted00001', shortUrl: 'https://rzp.io/i/abc', expiresAt: now },
        now,
      );
    });
    expect(await capture(id, 'pay_Persisted0000001')).toBe('captured');
    expect(await capture(id, 'pay_Persisted0000001')).toBe('repeated');
    const saved = (await t.inContext(() => payments().findByAppointment(id)))!;
    expect(saved).toMatchObject({
      status: 'PAID',
      providerPaymentId: 'pay_Persisted0000001',
      method: 'UPI',
      linkId: 'plink_Persisted00001',
    });
    const lookup = (reference: Parameters<ReturnType<typeof payments>['appointmentIdOf']>[0]) =>
      t.inContext(() => payments().appointmentIdOf(reference));
    expect(await lookup({ kind: 'order', orderId: 'order_Persisted000001' })).toBe(id);
    expect(await lookup({ kind: 'link', linkId: 'plink_Persisted00001' })).toBe(id);
    expect(await lookup({ kind: 'payment', providerPaymentId: 'pay_Persisted0000001' })).toBe(id);
    expect(await lookup({ kind: 'order', orderId: 'order_Unknown' })).toBeNull();
  });

  it('refuses one provider payment recorded on two appointments', async () => {
    const [a, b] = [await newAppointment(), await newAppointment()];
    await capture(a, 'pay_Twice00000000001');
    await expect(capture(b, 'pay_Twice00000000001')).rejects.toMatchObject({ code: 'DUPLICATE_ENTRY' });
  });

  it('claims a webhook event id once; a rolled-back claim can be claimed again', async () => {
    const log = t.api.container.get(T.WebhookEventLog);
    await expect(
      inTx(async () => {
        expect(await log.claim('evt_rollback', 'payment.captured')).toBe(true);
        throw new Error('handling failed');
      }),
    ).rejects.toThrow('handling failed');
    expect(await inTx(() => log.claim('evt_rollback', 'payment.captured'))).toBe(true);
    expect(await inTx(() => log.claim('evt_rollback', 'payment.captured'))).toBe(false);
  });
});
