import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAppointment, seedWorld, staffToken } from '../support/appointment-world.js';
import { sql } from '../support/booking-clinic.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('payment history (/api/payments/history)', () => {
  let t: TestApi;
  let world: Awaited<ReturnType<typeof seedWorld>>;
  const ids: Record<string, number> = {};
  const history = (token: string, query = '') => t.request('GET', `/api/payments/history${query}`, { token });
  const appointmentIds = (res: { body: any }) =>
    res.body.data.map((p: { appointmentId: number }) => p.appointmentId).sort();

  beforeAll(async () => {
    t = await startTestApi();
    world = await seedWorld(t);
    const { jane, ravi, rao, shah, india, newYork } = world;
    ids.janePaid = await insertAppointment(t, {
      patientId: jane.id,
      clinicianId: rao.id,
      centreId: india,
      startAt: '2030-01-14T10:00:00+05:30',
      paymentStatus: 'PAID',
    });
    ids.janeDue = await insertAppointment(t, {
      patientId: jane.id,
      clinicianId: rao.id,
      centreId: india,
      startAt: '2030-01-21T10:00:00+05:30',
      status: 'PENDING',
      paymentStatus: 'PENDING',
    });
    ids.raviPaid = await insertAppointment(t, {
      patientId: ravi.id,
      clinicianId: shah.id,
      centreId: newYork,
      startAt: '2030-01-15T09:00:00-05:00',
      paymentStatus: 'PAID',
    });
    ids.free = await insertAppointment(t, {
      patientId: ravi.id,
      clinicianId: rao.id,
      centreId: india,
      startAt: '2030-01-16T10:00:00+05:30',
      feePaise: 0,
      paymentStatus: 'WAIVED',
    });
    // Jane's paid appointment has its payment recorded by billing.
    await sql(
      t,
      `insert into payments (appointment_id, patient_id, centre_id, amount_paise, status, provider_payment_id, method, paid_at, created_at, updated_at)
       values (?, ?, ?, 150000, 'PAID', 'pay_JaneHistory0001', 'UPI', '2030-01-10T05:00:00Z', now(), now())`,
      [ids.janePaid, jane.id, india],
    );
  });
  afterAll(async () => t.close());

  it('shows a patient only their own payments, whatever patient they ask for', async () => {
    const own = await history(world.jane.token);
    expect(own.status).toBe(200);
    expect(appointmentIds(own)).toEqual([ids.janePaid, ids.janeDue].sort());
    expect(own.body.meta).toEqual({ page: 1, limit: 20, total: 2 });
    const paid = own.body.data.find((p: { appointmentId: number }) => p.appointmentId === ids.janePaid);
    expect(paid).toMatchObject({
      clinicianName: 'Dr. Arjun Rao',
      amount: 1500,
      status: 'PAID',
      paymentMethod: 'UPI',
      transactionId: 'pay_JaneHistory0001',
      paidAt: '2030-01-10T05:00:00.000Z',
    });
    const sneaky = await history(world.jane.token, `?patientId=${world.ravi.id}`);
    expect(appointmentIds(sneaky)).toEqual([ids.janePaid, ids.janeDue].sort());
  });

  it('lets staff filter by patient, appointment, centre, status and dates; centre staff see their centre only', async () => {
    expect(appointmentIds(await history(world.admin, `?patientId=${world.ravi.id}`))).toEqual([ids.raviPaid]);
    expect(appointmentIds(await history(world.admin, `?appointmentId=${ids.janeDue}`))).toEqual([
      ids.janeDue,
    ]);
    expect(appointmentIds(await history(world.admin, `?centreId=${world.newYork}`))).toEqual([ids.raviPaid]);
    expect(appointmentIds(await history(world.admin, '?status=PENDING'))).toEqual([ids.janeDue]);
    expect(appointmentIds(await history(world.admin, '?startDate=2030-01-10&endDate=2030-01-10'))).toEqual([
      ids.janePaid,
    ]);
    expect(appointmentIds(await history(world.admin))).not.toContain(ids.free);
    const indiaDesk = await staffToken(t, 'FRONT_DESK', world.india);
    expect(appointmentIds(await history(indiaDesk, `?centreId=${world.newYork}`))).toEqual(
      [ids.janePaid, ids.janeDue].sort(),
    );
    const page = await history(world.admin, '?limit=1&page=2');
    expect(page.body.data).toHaveLength(1);
    expect(page.body.meta).toEqual({ page: 2, limit: 1, total: 3 });
  });

  it('refuses bad filters and callers without a payments role', async () => {
    for (const query of [
      '?limit=101',
      '?status=MAYBE',
      '?startDate=2030-02-01&endDate=2030-01-01',
      '?colour=blue',
      '?patientId=abc',
    ]) {
      const res = await history(world.admin, query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    expect((await history(world.rao.token)).status).toBe(403);
    expect((await t.request('GET', '/api/payments/history')).status).toBe(401);
  });
});
