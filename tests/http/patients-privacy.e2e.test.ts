import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRoleName } from '../../src/domain/identity/role.js';
import { createPatient, insertAppointment } from '../support/appointment-world.js';
import { sql } from '../support/booking-clinic.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { auditOf, clinicWorld, type World } from './patients-support.js';

const HISTORY = 'Penicillin allergy; panic disorder since 2019';
const NOTE = 'Discussed sleep hygiene; review in two weeks';
const NON_CLINICAL: StaffRoleName[] = ['MANAGER', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK'];

describe('clinical privacy: who sees medical history and notes, and the audit of every clinical read', () => {
  let t: TestApi;
  let w: World;

  beforeAll(async () => {
    t = await startTestApi();
    w = await clinicWorld(t);
    for (const patient of [w.jane, w.ravi]) {
      const put = await t.request('PUT', `/api/patients/${patient.id}/medical-history`, {
        token: w.admin,
        body: { medicalHistory: HISTORY },
      });
      expect(put.status, put.text).toBe(200);
      const note = await t.request('POST', `/api/patients/${patient.id}/notes`, {
        token: w.admin,
        body: { note: NOTE },
      });
      expect(note.status, note.text).toBe(201);
    }
  });
  afterAll(async () => t.close());

  it("shows a clinician their own patient's history and notes, and audits each read with the request id", async () => {
    const requestId = 'privacy-read-jane-1';
    const record = await t.request('GET', `/api/patients/${w.jane.id}`, {
      token: w.rao.token,
      headers: { 'x-request-id': requestId },
    });
    expect(record.status).toBe(200);
    expect(record.body.data.medicalHistory).toBe(HISTORY);
    const notes = await t.request('GET', `/api/patients/${w.jane.id}/notes`, { token: w.rao.token });
    expect(notes.body.data.map((n: { note: string }) => n.note)).toEqual([NOTE]);

    const entries = await auditOf(t, w.admin, w.jane.id);
    expect(entries[0]).toMatchObject({
      actorId: w.rao.userId,
      actorRole: 'CLINICIAN',
      patientId: w.jane.id,
      action: 'READ_NOTES',
      requestId: notes.headers.get('x-request-id'),
    });
    expect(entries[1]).toMatchObject({ actorId: w.rao.userId, action: 'READ_MEDICAL_HISTORY', requestId });
    expect(Date.parse(entries[1]!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("answers 404 to a clinician for another clinician's patient on every patient route, and audits nothing", async () => {
    const before = (await auditOf(t, w.admin, w.ravi.id)).length;
    const attempts = [
      { method: 'GET', path: `/api/patients/${w.ravi.id}` },
      { method: 'GET', path: `/api/patients/${w.ravi.id}/appointments` },
      { method: 'GET', path: `/api/patients/${w.ravi.id}/notes` },
      { method: 'POST', path: `/api/patients/${w.ravi.id}/notes`, body: { note: 'Not mine' } },
      { method: 'PUT', path: `/api/patients/${w.ravi.id}/medical-history`, body: { medicalHistory: 'x' } },
    ];
    for (const { method, path, body } of attempts) {
      const res = await t.request(method, path, { token: w.rao.token, body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.text).not.toContain(HISTORY);
      expect(res.text).not.toContain(NOTE);
    }
    expect(await auditOf(t, w.admin, w.ravi.id)).toHaveLength(before);
    // Ravi's own clinician still reads him.
    const shah = await t.request('GET', `/api/patients/${w.ravi.id}/notes`, { token: w.shah.token });
    expect(shah.body.data.map((n: { note: string }) => n.note)).toEqual([NOTE]);
  });

  it('never gives medical history or notes to other staff, nor audits their non-clinical reads', async () => {
    const before = (await auditOf(t, w.admin, w.jane.id)).length;
    for (const role of NON_CLINICAL) {
      const token = w.tokens[role];
      const record = await t.request('GET', `/api/patients/${w.jane.id}`, { token });
      expect(record.status, role).toBe(200);
      expect(record.body.data, role).not.toHaveProperty('medicalHistory');
      for (const path of [
        `/api/patients/${w.jane.id}`,
        '/api/patients?search=jane',
        `/api/patients/${w.jane.id}/appointments`,
      ]) {
        const res = await t.request('GET', path, { token });
        expect(res.text, `${role} ${path}`).not.toContain(HISTORY);
        expect(res.text, `${role} ${path}`).not.toContain(NOTE);
      }
      expect((await t.request('GET', `/api/patients/${w.jane.id}/notes`, { token })).status, role).toBe(403);
      const update = await t.request('PUT', `/api/patients/${w.jane.id}`, {
        token,
        body: { bloodGroup: 'AB-' },
      });
      expect(update.body.data, role).not.toHaveProperty('medicalHistory');
    }
    expect(await auditOf(t, w.admin, w.jane.id)).toHaveLength(before);
  });

  it('does not count a cancelled appointment as a clinical relationship', async () => {
    const anu = await createPatient(t, 'Anu Menon');
    await insertAppointment(t, {
      patientId: anu.id,
      clinicianId: w.rao.id,
      centreId: w.india,
      startAt: '2030-04-01T10:00:00+05:30',
      status: 'CANCELLED',
    });
    expect((await t.request('GET', `/api/patients/${anu.id}`, { token: w.rao.token })).status).toBe(404);
    await insertAppointment(t, {
      patientId: anu.id,
      clinicianId: w.rao.id,
      centreId: w.india,
      startAt: '2030-04-08T10:00:00+05:30',
      status: 'PENDING',
      holdExpiresAt: '2030-04-08T09:00:00+05:30',
    });
    const now = await t.request('GET', `/api/patients/${anu.id}`, { token: w.rao.token });
    expect(now.status).toBe(200);
    expect(now.body.data).toHaveProperty('medicalHistory', null);
  });

  it("lists a patient's appointments within the caller's reach", async () => {
    await insertAppointment(t, {
      patientId: w.jane.id,
      clinicianId: w.shah.id,
      centreId: w.newYork,
      startAt: '2030-05-01T10:00:00-04:00',
    });
    const ids = async (token: string) => {
      const res = await t.request('GET', `/api/patients/${w.jane.id}/appointments`, { token });
      expect(res.status, res.text).toBe(200);
      expect(res.body.meta).toMatchObject({ page: 1, limit: 20, total: res.body.data.length });
      return res.body.data as Array<{
        id: number;
        clinicianName: string;
        appointmentDate: string;
        status: string;
      }>;
    };
    const all = await ids(w.admin);
    expect(all).toHaveLength(2);
    expect(all[0]).toMatchObject({
      id: w.janeVisit,
      clinicianName: 'Dr. Arjun Rao',
      appointmentDate: '2030-03-01',
      appointmentTime: '10:00:00',
      status: 'COMPLETED',
      sessionType: 'ONLINE',
    });
    expect((await ids(w.rao.token)).map((a) => a.id)).toEqual([w.janeVisit]);
    expect((await ids(w.tokens.CENTRE_MANAGER)).map((a) => a.id)).toEqual([w.janeVisit]);
  });

  it('filters the audit log by patient, actor and time, newest first, for ADMIN only', async () => {
    const mine = await t.request('GET', `/api/audit?actorId=${w.rao.userId}&limit=100`, { token: w.admin });
    expect(mine.status).toBe(200);
    expect(mine.body.data.length).toBeGreaterThan(0);
    expect(mine.body.data.every((e: { actorId: number }) => e.actorId === w.rao.userId)).toBe(true);
    expect(mine.body.meta).toMatchObject({ page: 1, limit: 100, total: mine.body.data.length });
    const times = mine.body.data.map((e: { at: string }) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const past = await t.request('GET', '/api/audit?to=2020-01-01', { token: w.admin });
    expect(past.body).toMatchObject({ data: [], meta: { total: 0 } });
    const future = await t.request('GET', `/api/audit?from=${encodeURIComponent('2099-01-01T00:00:00Z')}`, {
      token: w.admin,
    });
    expect(future.body.data).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const byDay = await t.request('GET', `/api/audit?from=${today}&to=${today}&patientId=${w.ravi.id}`, {
      token: w.admin,
    });
    expect(byDay.body.data.length).toBeGreaterThan(0);
    for (const bad of ['from=yesterday', 'patientId=abc', 'limit=101', 'action=READ_NOTES'])
      expect((await t.request('GET', `/api/audit?${bad}`, { token: w.admin })).status, bad).toBe(400);
  });

  it('keeps notes and audit entries append-only in the database itself', async () => {
    const note = (await sql<{ id: number }>(t, 'select id from medical_notes limit 1'))[0]!;
    const attempts = [
      ['update medical_notes set body = ? where id = ?', ['changed', note.id]],
      ['delete from medical_notes where id = ?', [note.id]],
      ['update clinical_audit_log set actor_id = 1', []],
      ['delete from clinical_audit_log', []],
      ['truncate clinical_audit_log', []],
    ] as const;
    for (const [statement, params] of attempts)
      await expect(sql(t, statement, [...params]), statement).rejects.toThrow(/append-only/);
    const rows = await sql<{ body: string }>(t, 'select body from medical_notes where id = ?', [note.id]);
    expect(rows[0]!.body).toBe(NOTE);
  });
});
