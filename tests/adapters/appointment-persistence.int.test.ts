import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppointmentSchema } from '../../src/adapters/persistence/schemas/appointment-schema.js';
import { ConflictError } from '../../src/application/shared/app-errors.js';
import { T } from '../../src/bootstrap/tokens.js';
import { Appointment, type BookingRequest } from '../../src/domain/booking/appointment.js';
import { PAYMENT_TIMEOUT } from '../../src/domain/booking/appointment-status.js';
import { Patient } from '../../src/domain/identity/patient.js';
import { randomPhone } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t?.close());

const MIN = 60_000;
const now = new Date();
const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 3, 4, 30));
const at = (minutes: number) => new Date(day.getTime() + minutes * MIN);
let nextClinician = 1000;
const newClinician = () => (nextClinician += 1);

const repo = () => t.api.container.get(T.Appointments);
const inTx = <R>(work: () => Promise<R>) => t.inContext(() => t.api.container.get(T.UnitOfWork).run(work));
const load = (id: number) => t.inContext(() => repo().findById(id));
const rowsOf = (clinicianId: number) =>
  t.inContext(() => t.api.container.get(T.Em).count(AppointmentSchema, { clinicianId }));

async function newPatients(count: number): Promise<number[]> {
  const patients = Array.from({ length: count }, () => Patient.signUp(randomPhone(), 'Racer', now));
  await inTx(async () => {
    for (const patient of patients) await t.api.container.get(T.Patients).add(patient);
  });
  return patients.map((patient) => patient.id);
}

function slot(
  patientId: number,
  clinicianId: number,
  start: number,
  overrides: Partial<BookingRequest> = {},
  bookedAt = now,
) {
  return Appointment.book(
    {
      patientId,
      clinicianId,
      centreId: 1,
      startAt: at(start),
      endAt: at(start + 60),
      sessionType: 'ONLINE',
      feePaise: 150_000,
      feeSetBy: null,
      holdExpiresAt: new Date(bookedAt.getTime() + 15 * MIN),
      notes: null,
      createdBy: `patient:${patientId}`,
      ...overrides,
    },
    bookedAt,
  );
}

const save = (appointment: Appointment) => inTx(() => repo().add(appointment));

/** Every outcome of a race: how many won, and that every loser was told SLOT_UNAVAILABLE. */
async function race(attempts: Promise<unknown>[]) {
  const outcomes = await Promise.allSettled(attempts);
  const losers = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
  for (const loser of losers) {
    expect(loser).toBeInstanceOf(ConflictError);
    expect(loser).toMatchObject({
      code: 'SLOT_UNAVAILABLE',
      message: 'This time slot is no longer available',
    });
  }
  return { won: outcomes.length - losers.length, lost: losers.length };
}

describe('appointment persistence', () => {
  it('round-trips every field, history included (stored as a jsonb array)', async () => {
    const [patientId] = await newPatients(1);
    const a = slot(patientId!, newClinician(), 0, { feePaise: 90_000, feeSetBy: 3, notes: 'Concession' });
    await save(a);
    const changed = await inTx(async () => {
      const loaded = (await repo().findById(a.id))!;
      loaded.reschedule(at(120), at(170), 'staff:3', new Date(now.getTime() + MIN));
      loaded.cancel('Clinician unwell', 'staff:3', new Date(now.getTime() + 2 * MIN));
      return { ...loaded } as Record<string, unknown>;
    });
    const fresh = await load(a.id);
    // Every field the domain assigns is mapped (except the events waiting for the outbox), and each
    // one comes back as it was saved.
    const fields = Object.keys(AppointmentSchema.meta.properties).sort();
    const assigned = Object.keys(slot(patientId!, 1, 0)).filter((key) => key !== 'pendingEvents');
    expect(fields).toEqual([...assigned, 'id'].sort());
    for (const field of fields) {
      expect((fresh as unknown as Record<string, unknown>)[field]).toEqual(changed[field]);
    }
    expect(fresh).toBeInstanceOf(Appointment);
    expect(fresh!.history.map((entry) => entry.kind)).toEqual(['RESCHEDULED', 'STATUS']);
    const [row] = await t.inContext(() =>
      t.api.container
        .get(T.Em)
        .execute(
          'select jsonb_typeof(history) as kind, jsonb_array_length(history) as n from appointments where id = ?',
          [a.id],
        ),
    );
    expect(row).toMatchObject({ kind: 'array', n: 2 });
  });

  it('50 patients booking one slot at once: exactly one wins, 49 hear SLOT_UNAVAILABLE', async () => {
    const clinicianId = newClinician();
    const patients = await newPatients(50);
    const result = await race(patients.map((p) => save(slot(p, clinicianId, 0))));
    expect(result).toEqual({ won: 1, lost: 49 });
    expect(await rowsOf(clinicianId)).toBe(1);
  });

  it('overlapping but different slots of one clinician: one wins; back-to-back slots both fit', async () => {
    const clinicianId = newClinician();
    const patients = await newPatients(7);
    const result = await race(patients.slice(0, 6).map((p, i) => save(slot(p, clinicianId, i * 10))));
    expect(result).toEqual({ won: 1, lost: 5 });
    const [winner] = await t.inContext(() =>
      t.api.container.get(T.Em).find(AppointmentSchema, { clinicianId }),
    );
    await save(slot(patients[6]!, clinicianId, (winner!.endAt.getTime() - day.getTime()) / MIN));
    expect(await rowsOf(clinicianId)).toBe(2);
  });

  it('a patient cannot hold two overlapping appointments, even with different clinicians', async () => {
    const [patientId] = await newPatients(1);
    const clinicians = [newClinician(), newClinician(), newClinician()];
    const result = await race(clinicians.map((c, i) => save(slot(patientId!, c, 600 + i * 20))));
    expect(result).toEqual({ won: 1, lost: 2 });
    await expect(save(slot(patientId!, newClinician(), 630))).rejects.toMatchObject({
      code: 'SLOT_UNAVAILABLE',
    });
  });

  it('a cancelled appointment frees its slot', async () => {
    const clinicianId = newClinician();
    const [first, second] = await newPatients(2);
    const a = slot(first!, clinicianId, 0);
    await save(a);
    await expect(save(slot(second!, clinicianId, 0))).rejects.toMatchObject({ code: 'SLOT_UNAVAILABLE' });
    await inTx(async () => (await repo().findById(a.id))!.cancel('Changed plans', 'staff:1', new Date()));
    await save(slot(second!, clinicianId, 0));
    expect(await rowsOf(clinicianId)).toBe(2);
  });

  it('an expired hold blocks until the booking transaction releases it, then the booking succeeds', async () => {
    const clinicianId = newClinician();
    const [holder, next] = await newPatients(2);
    const held = slot(holder!, clinicianId, 0);
    const elsewhere = slot(holder!, clinicianId, 600);
    await save(held);
    await save(elsewhere);
    const during = new Date(now.getTime() + 5 * MIN);
    const after = new Date(now.getTime() + 20 * MIN);
    const book = (when: Date) =>
      inTx(async () => {
        const released = await repo().releaseExpiredHolds(clinicianId, next!, at(30), at(90), when);
        await repo().add(slot(next!, clinicianId, 30, {}, when));
        return released.map((a) => a.id);
      });
    await expect(book(during)).rejects.toMatchObject({ code: 'SLOT_UNAVAILABLE' });
    await expect(save(slot(next!, clinicianId, 30))).rejects.toMatchObject({ code: 'SLOT_UNAVAILABLE' });
    expect(await book(after)).toEqual([held.id]);
    expect(await load(held.id)).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: PAYMENT_TIMEOUT,
      cancelledBy: 'system',
      cancelledAt: after,
    });
    expect((await load(held.id))!.history).toEqual([
      {
        kind: 'STATUS',
        from: 'PENDING',
        to: 'CANCELLED',
        at: after.toISOString(),
        by: 'system',
        reason: PAYMENT_TIMEOUT,
      },
    ]);
    expect((await load(elsewhere.id))!.status).toBe('PENDING');
  });

  it('two appointments rescheduled into one free slot at once: one wins, the other keeps its time', async () => {
    const clinicianId = newClinician();
    const [p1, p2] = await newPatients(2);
    const a = slot(p1!, clinicianId, 0);
    const b = slot(p2!, clinicianId, 120);
    await save(a);
    await save(b);
    const move = (id: number) =>
      inTx(async () => (await repo().findById(id))!.reschedule(at(300), at(360), 'staff:1', new Date()));
    expect(await race([move(a.id), move(b.id)])).toEqual({ won: 1, lost: 1 });
    const [la, lb] = [(await load(a.id))!, (await load(b.id))!];
    const [moved, stayed] = la.startAt.getTime() === at(300).getTime() ? [la, lb] : [lb, la];
    expect(moved.startAt).toEqual(at(300));
    expect(moved.history).toHaveLength(1);
    expect(stayed.startAt).toEqual(stayed.id === a.id ? at(0) : at(120));
    expect(stayed.history).toEqual([]);
  });
});
