import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevOutboxSender } from '../../src/adapters/gateways/fake-messaging/dev-outbox.js';
import { MessageNotSentError } from '../../src/application/messaging/ports/outbound-message.js';
import { PermanentJobFailure } from '../../src/application/shared/ports/job-handler.js';
import type { JsonObject } from '../../src/application/shared/ports/outbox.js';
import { T } from '../../src/bootstrap/tokens.js';
import { seedCentre } from '../support/builders.js';
import {
  createClinician,
  createPatient,
  insertAppointment,
  staffToken,
  type Patient,
} from '../support/appointment-world.js';
import { sql } from '../support/booking-clinic.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let t: TestApi;
let patient: Patient;
let clinicianId: number;
let centreId: number;
let hour = 0;

beforeAll(async () => {
  t = await startTestApi();
  const admin = await staffToken(t, 'ADMIN');
  centreId = await seedCentre(t, { name: 'Mibo Indiranagar', address: '12 CMH Road' });
  clinicianId = (await createClinician(t, admin, 'Dr. Arjun Rao', centreId)).id;
  patient = await createPatient(t, 'Jane Smith');
});
afterAll(() => t?.close());

/** A confirmed appointment of its own hour, three days ahead, and its start as the jobs carry it. */
async function appointment(status: 'CONFIRMED' | 'CANCELLED' = 'CONFIRMED') {
  const start = new Date(Date.UTC(2030, 0, 1, 0, 0) + (hour += 2) * 3_600_000);
  const id = await insertAppointment(t, {
    patientId: patient.id,
    clinicianId,
    centreId,
    startAt: start.toISOString(),
    status,
  });
  return { id, startAt: start.toISOString() };
}

const handler = (name: string) => {
  const found = t.api.container.getAll(T.JobHandlers).find((h) => h.name === name);
  if (!found) throw new Error(`no job handler ${name}`);
  return found;
};
const run = (name: string, key: string, payload: JsonObject) =>
  t.inContext(() => handler(name).run(payload, { key, attempt: 1 }));
const confirm = (a: { id: number; startAt: string }) =>
  run('messaging.confirmation', `messaging.confirmation:${a.id}:${a.startAt}`, {
    appointmentId: a.id,
    startAt: a.startAt,
  });
const whatsapp = () => t.api.container.get(T.WhatsAppSender) as DevOutboxSender;

async function sent(appointmentId: number, template: string) {
  const rows = await sql<{ n: string }>(
    t,
    `select count(*) as n from dev_outbox_messages o join notifications n on o.idempotency_key = 'notification:' || n.id
      where n.appointment_id = ? and o.template = ?`,
    [appointmentId, template],
  );
  return Number(rows[0]!.n);
}
const rowsOf = (appointmentId: number) =>
  sql<{
    id: number;
    type: string;
    status: string;
    attempts: number;
    last_error: string | null;
    text: string;
  }>(
    t,
    'select id, type, status, attempts, last_error, text from notifications where appointment_id = ? order by id',
    [appointmentId],
  );

describe('automatic messages are delivered once', () => {
  it('a confirmation job run twice sends one message and records it SENT', async () => {
    const a = await appointment();
    await confirm(a);
    await confirm(a);
    expect(await sent(a.id, 'appointment_confirmation')).toBe(1);
    const [row, ...more] = await rowsOf(a.id);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ type: 'APPOINTMENT_CONFIRMATION', status: 'SENT', attempts: 1 });
    expect(row!.text).toContain('Hello Jane Smith, your appointment with Dr. Arjun Rao');
    expect(row!.text).toMatch(
      /is confirmed\. Join online: https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/,
    );
  });

  it('two concurrent runs of one confirmation job send one message', async () => {
    for (let i = 0; i < 3; i += 1) {
      const a = await appointment();
      await Promise.all([confirm(a), confirm(a)].map((p) => p.catch((e: unknown) => e)));
      // The loser may have found the row leased (a retryable error); its retry finds it SENT.
      await confirm(a);
      expect(await sent(a.id, 'appointment_confirmation')).toBe(1);
      expect((await rowsOf(a.id)).map((r) => r.status)).toEqual(['SENT']);
    }
  });

  it('a worker that died after sending but before marking SENT does not deliver twice', async () => {
    const a = await appointment();
    await confirm(a);
    await sql(
      t,
      `update notifications set status = 'PENDING', sent_at = null, claimed_until = null where appointment_id = ?`,
      [a.id],
    );
    await confirm(a);
    expect(await sent(a.id, 'appointment_confirmation')).toBe(1);
    expect(await rowsOf(a.id)).toMatchObject([{ status: 'SENT', attempts: 2 }]);
  });

  it('a reminder for a start the appointment has left, or of a cancelled one, sends nothing', async () => {
    const a = await appointment();
    const key = `messaging.reminder:${a.id}:24h:${a.startAt}`;
    await sql(
      t,
      `update appointments set start_at = start_at + interval '1 day', end_at = end_at + interval '1 day' where id = ?`,
      [a.id],
    );
    await run('messaging.reminder', key, { appointmentId: a.id, startAt: a.startAt, offset: '24h' });
    const b = await appointment('CANCELLED');
    await run('messaging.reminder', `messaging.reminder:${b.id}:1h:${b.startAt}`, {
      appointmentId: b.id,
      startAt: b.startAt,
      offset: '1h',
    });
    await confirm(b);
    expect(await rowsOf(a.id)).toEqual([]);
    expect(await rowsOf(b.id)).toEqual([]);
  });

  it('a reminder at the current start is sent; a cancellation goes out once the appointment is cancelled', async () => {
    const a = await appointment();
    await run('messaging.reminder', `messaging.reminder:${a.id}:1h:${a.startAt}`, {
      appointmentId: a.id,
      startAt: a.startAt,
      offset: '1h',
    });
    await run('messaging.cancellation', `messaging.cancellation:${a.id}`, { appointmentId: a.id });
    await sql(t, `update appointments set status = 'CANCELLED', cancelled_at = now() where id = ?`, [a.id]);
    await run('messaging.cancellation', `messaging.cancellation:${a.id}`, { appointmentId: a.id });
    expect(await sent(a.id, 'appointment_reminder')).toBe(1);
    expect(await sent(a.id, 'appointment_cancellation')).toBe(1);
    expect((await rowsOf(a.id)).map((r) => [r.type, r.status])).toEqual([
      ['APPOINTMENT_REMINDER', 'SENT'],
      ['APPOINTMENT_CANCELLATION', 'SENT'],
    ]);
  });
});

describe('payment messages', () => {
  it('a refund is told once per refund, with the amount; a payment link only while unpaid', async () => {
    const a = await appointment('CANCELLED');
    const refund = { appointmentId: a.id, amountPaise: 150_000 };
    await run('messaging.refund', `messaging.refund:${a.id}:rfnd_1`, refund);
    await run('messaging.refund', `messaging.refund:${a.id}:rfnd_1`, refund);
    const link = { appointmentId: a.id, shortUrl: 'https://rzp.io/i/abc', amountPaise: 150_000 };
    await run('messaging.payment-link', `messaging.payment-link:${a.id}:plink_1`, link);
    const rows = await rowsOf(a.id);
    expect(rows.map((r) => [r.type, r.status])).toEqual([['PAYMENT_REFUND', 'SENT']]);
    expect(rows[0]!.text).toContain('we have refunded ₹1,500 for your appointment');
    expect(await sent(a.id, 'payment_refund')).toBe(1);
  });
});

describe('provider failures', () => {
  it('a 4xx fails the message for good at once: FAILED, one attempt, the job not retried', async () => {
    const a = await appointment();
    whatsapp().failNext(1, 'client');
    await expect(confirm(a)).rejects.toBeInstanceOf(PermanentJobFailure);
    expect(await rowsOf(a.id)).toMatchObject([{ status: 'FAILED', attempts: 1, last_error: 'HTTP 400' }]);
    await confirm(a);
    expect(await sent(a.id, 'appointment_confirmation')).toBe(0);
  });

  it('5xx on every try leaves it PENDING for the job to retry, and the retry sends it once', async () => {
    const a = await appointment();
    whatsapp().failNext(3, 'server');
    await expect(confirm(a)).rejects.toBeInstanceOf(MessageNotSentError);
    const [pending] = await rowsOf(a.id);
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(pending!.last_error).toContain('HTTP 503');
    await confirm(a);
    expect(await rowsOf(a.id)).toMatchObject([{ status: 'SENT', attempts: 2, last_error: null }]);
    expect(await sent(a.id, 'appointment_confirmation')).toBe(1);
  });
});
