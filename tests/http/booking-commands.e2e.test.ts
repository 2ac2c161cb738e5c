import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/scheduling/local-date.js';
import { TimeOfDay } from '../../src/domain/scheduling/time-of-day.js';
import { zonedInstant } from '../../src/domain/scheduling/time-zone.js';
import {
  fakeRazorpay,
  mondayClinician,
  nextMonday,
  patientToken,
  sql,
  staffToken,
} from '../support/booking-clinic.js';
import { randomPhone, seedCentre } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const ORDER_ID = /^order_[0-9A-Za-z]{14}$/;
const SHORT_URL = /^https:\/\/rzp\.io\/i\/[0-9A-Za-z]{10}$/;

describe('booking commands (/api/booking/create, /api/booking/front-desk)', () => {
  let t: TestApi;
  let admin: string;
  let centre: number;
  let clinician: number;
  let freeClinician: number;
  let frontDesk: { id: number; token: string };
  const monday = nextMonday('Asia/Kolkata');
  const week = (n: number) => monday.addDays(7 * n);

  const slot = (date: LocalDate, time: string, clinicianId = clinician) => ({
    clinicianId,
    centreId: centre,
    appointmentDate: date.toString(),
    appointmentTime: time,
    sessionType: 'ONLINE',
  });
  const book = (token: string, body: object) => t.request('POST', '/api/booking/create', { token, body });
  const frontDeskBook = (body: object) =>
    t.request('POST', '/api/booking/front-desk', { token: frontDesk.token, body });
  const instant = (date: LocalDate, time: string, zone = 'Asia/Kolkata') =>
    zonedInstant(date, TimeOfDay.parse(time), zone)!;
  const rowsAt = (clinicianId: number, start: Date) =>
    sql<{ id: number; status: string }>(
      t,
      'select id, status from appointments where clinician_id = ? and start_at = ?',
      [clinicianId, start],
    );
  const row = async (id: number) =>
    (await sql(t, 'select * from appointments where id = ?', [id]))[0] as Record<string, any>;

  beforeAll(async () => {
    t = await startTestApi();
    admin = (await staffToken(t, 'ADMIN')).token;
    frontDesk = await staffToken(t, 'FRONT_DESK');
    centre = await seedCentre(t, { timezone: 'Asia/Kolkata' });
    clinician = await mondayClinician(t, admin, centre, 1500);
    freeClinician = await mondayClinician(t, admin, centre, 0);
  });
  afterAll(async () => t.close());

  it('holds an open slot for the patient and opens a payment order for the fee', async () => {
    const patient = await patientToken(t);
    const res = await book(patient.token, { ...slot(week(0), '09:00:00'), consultationFee: 1500 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ success: true, message: 'Appointment created successfully' });
    expect(res.body.data).toEqual({
      appointmentId: expect.any(Number),
      paymentOrderId: expect.stringMatching(ORDER_ID),
      amount: 1500,
    });
    const order = (await fakeRazorpay(t).order(res.body.data.paymentOrderId))!;
    expect(order).toMatchObject({
      amountPaise: 150_000,
      currency: 'INR',
      receipt: expect.stringMatching(/^bk_/),
    });
    expect(order.receipt.length).toBeLessThanOrEqual(40);
    const saved = await row(res.body.data.appointmentId);
    expect(saved).toMatchObject({
      status: 'PENDING',
      payment_status: 'PENDING',
      fee_paise: 150_000,
      patient_id: patient.id,
    });
    expect(saved.payment_order_id).toBe(res.body.data.paymentOrderId);
    expect(new Date(saved.start_at)).toEqual(instant(week(0), '09:00'));
    const holdMinutes = (new Date(saved.hold_expires_at).getTime() - Date.now()) / 60_000;
    expect(holdMinutes).toBeGreaterThan(14);
    expect(holdMinutes).toBeLessThanOrEqual(15);
    const slots = await t.request(
      'GET',
      `/api/booking/available-slots?clinicianId=${clinician}&centreId=${centre}&date=${week(0)}`,
    );
    expect(slots.body.data.availableSlots[0]).toEqual({ time: '09:00:00', available: false });
  });

  it("refuses a fee other than the clinician's and any status or payment field", async () => {
    const patient = await patientToken(t);
    const wrongFee = await book(patient.token, { ...slot(week(0), '10:00:00'), consultationFee: 1000 });
    expect(wrongFee.status).toBe(400);
    expect(wrongFee.body.error.code).toBe('VALIDATION_ERROR');
    expect(wrongFee.body.error.details).toHaveProperty('consultationFee');
    for (const extra of [
      { status: 'CONFIRMED' },
      { paymentStatus: 'PAID' },
      { feeSetBy: 1 },
      { patientId: 1 },
    ]) {
      const res = await book(patient.token, { ...slot(week(0), '10:00:00'), ...extra });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toEqual({ [Object.keys(extra)[0]!]: 'Unknown field' });
    }
    expect((await book(patient.token, { ...slot(week(0), '10:00:00'), sessionType: 'PHONE' })).status).toBe(
      400,
    );
    expect(await rowsAt(clinician, instant(week(0), '10:00'))).toEqual([]);
  });

  it('answers 409 SLOT_UNAVAILABLE for a time that is not an open slot', async () => {
    const patient = await patientToken(t);
    const attempts = [
      slot(week(0), '09:30:00'), // off the grid
      slot(week(0), '14:00:00'), // outside availability
      slot(week(0).addDays(1), '09:00:00'), // no availability on Tuesdays
      slot(monday.addDays(-14), '09:00:00'), // in the past
      slot(monday.addDays(70), '09:00:00'), // beyond the horizon
      slot(week(0), '09:00:00'), // held by the first test's patient
    ];
    for (const body of attempts) {
      const res = await book(patient.token, body);
      expect(res.status, JSON.stringify(body)).toBe(409);
      expect(res.body.error.code).toBe('SLOT_UNAVAILABLE');
    }
    expect(await sql(t, 'select id from appointments where patient_id = ?', [patient.id])).toEqual([]);
  });

  it('frees an expired hold at once: the next booking takes the slot and times the old one out', async () => {
    const first = await patientToken(t);
    const second = await patientToken(t);
    const held = await book(first.token, slot(week(1), '10:00:00'));
    expect(held.status).toBe(201);
    expect((await book(second.token, slot(week(1), '10:00:00'))).status).toBe(409);
    await sql(t, "update appointments set hold_expires_at = now() - interval '1 minute' where id = ?", [
      held.body.data.appointmentId,
    ]);
    const res = await book(second.token, slot(week(1), '10:00:00'));
    expect(res.status).toBe(201);
    expect(await row(held.body.data.appointmentId)).toMatchObject({
      status: 'CANCELLED',
      cancellation_reason: 'PAYMENT_TIMEOUT',
      cancelled_by: 'system',
    });
  });

  it('lets a patient hold only one appointment at a time, whoever the clinician', async () => {
    const patient = await patientToken(t);
    expect((await book(patient.token, slot(week(1), '11:00:00'))).status).toBe(201);
    const res = await book(patient.token, slot(week(1), '11:00:00', freeClinician));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SLOT_UNAVAILABLE');
    expect(await rowsAt(freeClinician, instant(week(1), '11:00'))).toEqual([]);
  });

  it('confirms a zero-fee booking at once, with no order', async () => {
    const patient = await patientToken(t);
    const res = await book(patient.token, {
      ...slot(week(2), '09:00:00', freeClinician),
      consultationFee: 0,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({ appointmentId: expect.any(Number), paymentOrderId: null, amount: 0 });
    expect(await row(res.body.data.appointmentId)).toMatchObject({
      status: 'CONFIRMED',
      payment_status: 'WAIVED',
      hold_expires_at: null,
    });
  });

  it('answers 503 and holds nothing when the payment provider fails', async () => {
    const patient = await patientToken(t);
    fakeRazorpay(t).failNext(1);
    const res = await book(patient.token, slot(week(2), '10:00:00'));
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('GATEWAY_UNAVAILABLE');
    expect(await rowsAt(clinician, instant(week(2), '10:00'))).toEqual([]);
    expect((await book(patient.token, slot(week(2), '10:00:00'))).status).toBe(201);
  });

  it('takes no booking for an inactive clinician or centre, and 404 for unknown ones', async () => {
    const patient = await patientToken(t);
    const body = slot(week(2), '11:00:00');
    await t.request('PATCH', `/api/clinicians/${clinician}/toggle-active`, { token: admin });
    const inactiveClinician = await book(patient.token, body);
    await t.request('PATCH', `/api/clinicians/${clinician}/toggle-active`, { token: admin });
    await t.request('PATCH', `/api/centres/${centre}/toggle-active`, { token: admin });
    const inactiveCentre = await book(patient.token, body);
    await t.request('PATCH', `/api/centres/${centre}/toggle-active`, { token: admin });
    expect([inactiveClinician.status, inactiveCentre.status]).toEqual([409, 409]);
    expect(inactiveClinician.body.error.code).toBe('SLOT_UNAVAILABLE');
    expect(inactiveCentre.body.error.code).toBe('SLOT_UNAVAILABLE');
    expect((await book(patient.token, { ...body, clinicianId: 999_999 })).status).toBe(404);
    expect((await book(patient.token, { ...body, centreId: 999_999 })).status).toBe(404);
    expect((await book(patient.token, body)).status).toBe(201);
  });

  it("lays the wall time out in the centre's own zone", async () => {
    const newYork = await seedCentre(t, { timezone: 'America/New_York' });
    const nyClinician = await mondayClinician(t, admin, newYork, 2000);
    const nyMonday = nextMonday('America/New_York');
    const patient = await patientToken(t);
    const res = await book(patient.token, { ...slot(nyMonday, '09:00:00', nyClinician), centreId: newYork });
    expect(res.status).toBe(201);
    expect(res.body.data.amount).toBe(2000);
    const saved = await row(res.body.data.appointmentId);
    expect(new Date(saved.start_at)).toEqual(instant(nyMonday, '09:00', 'America/New_York'));
  });

  describe('front desk', () => {
    it('books by phone, registering a new walk-in patient once and reusing them after', async () => {
      const phone = randomPhone();
      const res = await frontDeskBook({
        ...slot(week(3), '09:00:00'),
        patientPhone: phone,
        patientName: 'Walk In',
        sessionType: 'IN_PERSON',
      });
      expect(res.status).toBe(201);
      expect(res.body.message).toBe('Appointment created successfully');
      expect(res.body.data).toEqual({
        id: expect.any(Number),
        patientId: expect.any(Number),
        appointmentDate: week(3).toString(),
        appointmentTime: '09:00:00',
        status: 'PENDING',
        consultationFee: 1500,
        paymentStatus: 'PENDING',
        paymentLink: expect.stringMatching(SHORT_URL),
      });
      const [patient] = await sql(t, 'select full_name, phone, source from patients where id = ?', [
        res.body.data.patientId,
      ]);
      expect(patient).toEqual({ full_name: 'Walk In', phone, source: 'WALK_IN' });
      const saved = await row(res.body.data.id);
      expect(saved).toMatchObject({
        fee_set_by: null,
        created_by: `staff:${frontDesk.id}`,
        payment_link_url: res.body.data.paymentLink,
      });
      const link = (await fakeRazorpay(t).paymentLink(saved.payment_link_id))!;
      expect(link).toMatchObject({
        referenceId: String(res.body.data.id),
        amountPaise: 150_000,
        customer: { name: 'Walk In', phone },
      });
      // The hold lasts as long as the link: PAYMENT_LINK_EXPIRY_HOURS (24) from now.
      expect(new Date(saved.hold_expires_at).getTime()).toBe(link.expireBy.getTime());
      expect(Math.round((link.expireBy.getTime() - Date.now()) / 3_600_000)).toBe(24);

      const again = await frontDeskBook({ ...slot(week(3), '10:00:00'), patientPhone: `0${phone.slice(3)}` });
      expect(again.status).toBe(201);
      expect(again.body.data.patientId).toBe(res.body.data.patientId);
      const unknown = await frontDeskBook({ ...slot(week(3), '11:00:00'), patientPhone: randomPhone() });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details).toHaveProperty('patientName');
    });

    it('records a concession fee with who set it; a zero concession confirms at once', async () => {
      const phone = randomPhone();
      const res = await frontDeskBook({
        ...slot(week(4), '09:00:00'),
        patientPhone: phone,
        patientName: 'Concession',
        consultationFee: 500,
      });
      expect(res.status).toBe(201);
      expect(res.body.data.consultationFee).toBe(500);
      expect(await row(res.body.data.id)).toMatchObject({ fee_paise: 50_000, fee_set_by: frontDesk.id });
      const waived = await frontDeskBook({
        ...slot(week(4), '10:00:00'),
        patientPhone: phone,
        consultationFee: 0,
      });
      expect(waived.status).toBe(201);
      expect(waived.body.data).toMatchObject({
        status: 'CONFIRMED',
        paymentStatus: 'WAIVED',
        paymentLink: null,
        consultationFee: 0,
      });
      const negative = await frontDeskBook({
        ...slot(week(4), '11:00:00'),
        patientPhone: phone,
        consultationFee: -1,
      });
      expect(negative.status).toBe(400);
    });

    it('keeps the booking PENDING without a link when the provider fails, and says so', async () => {
      fakeRazorpay(t).failNext(1);
      const res = await frontDeskBook({
        ...slot(week(4), '12:00:00'),
        patientPhone: randomPhone(),
        patientName: 'No Link',
      });
      expect(res.status).toBe(201);
      expect(res.body.message).toMatch(/payment link could not be created/);
      expect(res.body.data).toMatchObject({ status: 'PENDING', paymentLink: null });
      expect(await row(res.body.data.id)).toMatchObject({ status: 'PENDING', payment_link_id: null });
    });
  });

  it('lets only patients book for themselves, and only FRONT_DESK, ADMIN and MANAGER at the front desk', async () => {
    const patient = await patientToken(t);
    const tokens = Object.fromEntries(
      await Promise.all(
        (['ADMIN', 'MANAGER', 'CLINICIAN', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK'] as const).map(
          async (role) => [role, (await staffToken(t, role)).token] as const,
        ),
      ),
    );
    const body = slot(week(5), '09:00:00');
    expect((await t.request('POST', '/api/booking/create', { body })).status).toBe(401);
    expect((await t.request('POST', '/api/booking/front-desk', { body })).status).toBe(401);
    for (const token of Object.values(tokens)) {
      const res = await t.request('POST', '/api/booking/create', { token, body });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    for (const token of [
      tokens.CLINICIAN!,
      tokens.CENTRE_MANAGER!,
      tokens.CARE_COORDINATOR!,
      patient.token,
    ]) {
      expect((await t.request('POST', '/api/booking/front-desk', { token, body })).status).toBe(403);
    }
    for (const [role, time] of [
      ['ADMIN', '10:00:00'],
      ['MANAGER', '11:00:00'],
    ] as const) {
      const res = await t.request('POST', '/api/booking/front-desk', {
        token: tokens[role]!,
        body: { ...slot(week(5), time), patientPhone: patient.phone },
      });
      expect(res.status, role).toBe(201);
      expect(res.body.data.patientId).toBe(patient.id);
    }
  });
});
