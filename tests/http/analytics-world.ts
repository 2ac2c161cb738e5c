import {
  createClinician,
  createPatient,
  insertAppointment,
  seedWorld,
  type AppointmentSeed,
} from '../support/appointment-world.js';
import type { TestApi } from '../support/test-api.js';
import { insertPayment, insertRating, setPatientSource } from './analytics-support.js';

/**
 * A fixed data set for analytics, with its figures worked out by hand in the tests. Two centres: Mibo
 * Bangalore (Asia/Kolkata, +05:30) and Mibo New York (America/New_York, -05:00 until 8 March 2026).
 * At NOW it is Monday 2 March 01:30 in Bangalore and still Sunday 1 March 15:00 in New York.
 */
export const NOW = new Date('2026-03-01T20:00:00Z');

export async function seedAnalyticsWorld(t: TestApi) {
  const w = await seedWorld(t);
  const idle = await createClinician(t, w.admin, 'Dr. Idle Iyer', w.india);
  await t.inContext(() =>
    t.api.infra.orm.em
      .getConnection()
      .execute('update clinicians set is_active = false where id = ?', [idle.id]),
  );
  const dev = await createPatient(t, 'Dev Patel');
  const ola = await createPatient(t, 'Ola Nair');
  const kiran = await createPatient(t, 'Kiran Rao');
  // Jane and Kiran signed themselves up (WEBSITE); the others came another way.
  await setPatientSource(t, w.ravi.id, 'WHATSAPP');
  await setPatientSource(t, w.anu.id, 'WALK_IN');
  await setPatientSource(t, dev.id, 'REFERRAL');
  await setPatientSource(t, ola.id, 'PHONE');

  const at = (
    seed: Omit<AppointmentSeed, 'centreId' | 'clinicianId'>,
    where: 'india' | 'newYork',
    who: 'rao' | 'shah',
  ) => insertAppointment(t, { ...seed, centreId: w[where], clinicianId: w[who].id });
  const a = {
    a1: await at(
      { patientId: w.jane.id, startAt: '2026-02-10T10:00:00+05:30', status: 'COMPLETED' },
      'india',
      'rao',
    ),
    a2: await at({ patientId: w.jane.id, startAt: '2026-03-02T10:00:00+05:30' }, 'india', 'rao'),
    a3: await at(
      { patientId: w.ravi.id, startAt: '2026-03-03T10:00:00+05:30', status: 'CANCELLED' },
      'india',
      'rao',
    ),
    a4: await at(
      { patientId: w.ravi.id, startAt: '2026-02-20T10:00:00+05:30', status: 'COMPLETED' },
      'india',
      'rao',
    ),
    a5: await at(
      { patientId: w.jane.id, startAt: '2026-03-05T10:00:00+05:30', status: 'CANCELLED' },
      'india',
      'rao',
    ),
    a6: await at(
      { patientId: w.anu.id, startAt: '2026-02-25T10:00:00+05:30', status: 'NO_SHOW' },
      'india',
      'rao',
    ),
    a7: await at({ patientId: w.anu.id, startAt: '2026-03-09T10:00:00+05:30' }, 'india', 'rao'),
    a8: await at(
      { patientId: w.ravi.id, startAt: '2026-03-04T10:00:00+05:30', status: 'PENDING' },
      'india',
      'rao',
    ),
    b1: await at(
      { patientId: dev.id, startAt: '2026-02-01T10:00:00-05:00', status: 'COMPLETED' },
      'newYork',
      'shah',
    ),
    b2: await at({ patientId: dev.id, startAt: '2026-03-01T20:00:00-05:00' }, 'newYork', 'shah'),
    b3: await at({ patientId: w.jane.id, startAt: '2026-02-26T09:00:00-05:00' }, 'newYork', 'rao'),
    b4: await at(
      { patientId: w.ravi.id, startAt: '2026-03-01T12:00:00-05:00', status: 'CANCELLED' },
      'newYork',
      'shah',
    ),
  };
  const pay = (
    appointmentId: number,
    patientId: number,
    centreId: number,
    rupees: number,
    paidAt: string,
    refundedAt?: string,
  ) =>
    insertPayment(t, {
      appointmentId,
      patientId,
      centreId,
      amountPaise: rupees * 100,
      status: refundedAt ? 'REFUNDED' : 'PAID',
      paidAt,
      refundedAt: refundedAt ?? null,
    });
  await pay(a.a1, w.jane.id, w.india, 1500, '2026-02-09T12:00:00+05:30');
  await pay(a.a2, w.jane.id, w.india, 1000, '2026-03-01T19:00:00Z'); // 2 March in Bangalore
  await pay(a.a3, w.ravi.id, w.india, 800, '2026-02-27T10:00:00+05:30', '2026-03-01T10:00:00+05:30');
  await pay(a.b1, dev.id, w.newYork, 2000, '2026-01-31T10:00:00-05:00');
  await pay(a.b2, dev.id, w.newYork, 2500, '2026-02-28T22:00:00-05:00'); // already 1 March in UTC
  await insertRating(t, { appointmentId: a.a1, patientId: w.jane.id, clinicianId: w.rao.id, rating: 5 });
  await insertRating(t, { appointmentId: a.a4, patientId: w.ravi.id, clinicianId: w.rao.id, rating: 4 });
  await insertRating(t, { appointmentId: a.b1, patientId: dev.id, clinicianId: w.shah.id, rating: 3 });
  return { ...w, idle, dev, ola, kiran, a };
}
