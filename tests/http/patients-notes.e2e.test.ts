import { randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executionScope } from '../../src/adapters/system/execution-scope.js';
import { insertAppointment } from '../support/appointment-world.js';
import { sql } from '../support/booking-clinic.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { auditOf, clinicWorld, type World } from './patients-support.js';

describe('medical notes: written once, corrected by new notes; lists in constant statements', () => {
  let t: TestApi;
  let w: World;
  const notesOf = (patientId: number, token: string, query = '') =>
    t.request('GET', `/api/patients/${patientId}/notes${query}`, { token });
  const add = (patientId: number, token: string, body: unknown) =>
    t.request('POST', `/api/patients/${patientId}/notes`, { token, body });

  beforeAll(async () => {
    t = await startTestApi();
    w = await clinicWorld(t);
  });
  afterAll(async () => t.close());

  it('adds a note for an appointment of the clinician’s own and audits the write', async () => {
    const res = await add(w.jane.id, w.rao.token, {
      note: 'Patient shows improvement in anxiety symptoms',
      appointmentId: w.janeVisit,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.data).toMatchObject({
      id: expect.any(Number),
      patientId: w.jane.id,
      appointmentId: w.janeVisit,
      authorId: w.rao.userId,
      note: 'Patient shows improvement in anxiety symptoms',
      correctsNoteId: null,
    });
    const [entry] = await auditOf(t, w.admin, w.jane.id);
    expect(entry).toMatchObject({
      action: 'WRITE_NOTE',
      noteId: res.body.data.id,
      actorId: w.rao.userId,
      actorRole: 'CLINICIAN',
      requestId: res.headers.get('x-request-id'),
    });
  });

  it('corrects a note with a new one that points at it; the original stays as written', async () => {
    const original = (await add(w.jane.id, w.rao.token, { note: 'Prescribed 10 mg' })).body.data;
    const correction = await add(w.jane.id, w.admin, {
      note: 'Correction: 5 mg',
      correctsNoteId: original.id,
    });
    expect(correction.status, correction.text).toBe(201);
    expect(correction.body.data).toMatchObject({ correctsNoteId: original.id, note: 'Correction: 5 mg' });

    const list = await notesOf(w.jane.id, w.rao.token);
    expect(list.status).toBe(200);
    const byId = new Map(list.body.data.map((n: { id: number }) => [n.id, n]));
    expect(byId.get(original.id)).toMatchObject({
      note: 'Prescribed 10 mg',
      correctedByNoteId: correction.body.data.id,
      authorName: 'Dr. Arjun Rao',
    });
    expect(byId.get(correction.body.data.id)).toMatchObject({
      correctsNoteId: original.id,
      correctedByNoteId: null,
    });
    expect(list.body.data[0].id).toBe(correction.body.data.id);
    expect(list.body.meta).toMatchObject({ page: 1, limit: 20, total: list.body.data.length });
  });

  it.each([
    [{ note: '' }, 'note'],
    [{ note: '   ' }, 'note'],
    [{ note: 'x'.repeat(10_001) }, 'note'],
    [{ note: 'ok', body: 'x' }, 'body'],
    [{ note: 'ok', appointmentId: 'abc' }, 'appointmentId'],
    [{ note: 'ok', appointmentId: 999999 }, 'appointmentId'],
    [{ note: 'ok', correctsNoteId: 999999 }, 'correctsNoteId'],
  ])('answers 400 to %o, naming %s', async (body, field) => {
    const res = await add(w.jane.id, w.rao.token, body);
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details).toHaveProperty(field);
  });

  it("refuses an appointment or a note of another patient's, and a clinician's link to a colleague's visit", async () => {
    const raviNote = (await add(w.ravi.id, w.admin, { note: 'Ravi only' })).body.data;
    for (const body of [
      { note: 'x', appointmentId: w.raviVisit },
      { note: 'x', correctsNoteId: raviNote.id },
    ]) {
      const res = await add(w.jane.id, w.admin, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const colleagues = await insertAppointment(t, {
      patientId: w.jane.id,
      clinicianId: w.shah.id,
      centreId: w.newYork,
      startAt: '2030-06-01T10:00:00-04:00',
    });
    expect((await add(w.jane.id, w.rao.token, { note: 'x', appointmentId: colleagues })).status).toBe(400);
    expect((await add(w.jane.id, w.admin, { note: 'x', appointmentId: colleagues })).status).toBe(201);
  });

  it('reads each page of a list in the same number of statements for 10 rows as for 100', async () => {
    await sql(
      t,
      `insert into patients (full_name, phone, source)
       select 'Bulk Patient ' || n, '+9180000' || lpad(n::text, 5, '0'), 'WALK_IN' from generate_series(1, 120) n`,
    );
    await sql(
      t,
      `insert into appointments (patient_id, clinician_id, centre_id, start_at, end_at, session_type, status,
         fee_paise, payment_status, created_by)
       select ?, ?, ?, s, s + interval '1 hour', 'IN_PERSON', 'COMPLETED', 150000, 'PAID', 'test'
         from generate_series(timestamptz '2031-01-01T00:00:00Z', timestamptz '2031-01-06T23:00:00Z', interval '1 hour') s`,
      [w.ravi.id, w.shah.id, w.newYork],
    );
    await sql(
      t,
      `insert into medical_notes (patient_id, author_id, body) select ?, ?, 'Note ' || n from generate_series(1, 120) n`,
      [w.ravi.id, w.shah.userId],
    );
    const knex: Knex = t.api.infra.orm.em.getConnection().getKnex();
    const statementsFor = async (path: string, token: string) => {
      await t.request('GET', path, { token }); // warms what authentication caches
      // Only this request's statements: background jobs share the pool, and knex emits each query
      // event inside the async context of the request that ran it.
      const requestId = `statements-${randomUUID()}`;
      const seen: string[] = [];
      const listener = (query: { sql: string }) => {
        if (executionScope.getStore()?.requestId === requestId) seen.push(query.sql);
      };
      knex.on('query', listener);
      try {
        const res = await t.request('GET', path, { token, headers: { 'x-request-id': requestId } });
        expect(res.status, res.text).toBe(200);
        return { rows: res.body.data.length as number, statements: seen.length };
      } finally {
        knex.removeListener('query', listener);
      }
    };
    for (const [path, token] of [
      ['/api/patients?search=bulk', w.tokens.FRONT_DESK],
      ['/api/patients?phone=8000', w.tokens.FRONT_DESK],
      [`/api/patients/${w.ravi.id}/appointments`, w.tokens.FRONT_DESK],
      [`/api/patients/${w.ravi.id}/appointments`, w.shah.token],
      [`/api/patients/${w.ravi.id}/notes`, w.shah.token],
    ] as const) {
      const ten = await statementsFor(`${path}${path.includes('?') ? '&' : '?'}limit=10`, token);
      const hundred = await statementsFor(`${path}${path.includes('?') ? '&' : '?'}limit=100`, token);
      expect([ten.rows, hundred.rows], path).toEqual([10, 100]);
      expect(hundred.statements, path).toBe(ten.statements);
      expect(ten.statements, path).toBeGreaterThan(0);
      expect(ten.statements, path).toBeLessThanOrEqual(8);
    }
  });
});
