import { expect } from 'vitest';
import { STAFF_ROLE_NAMES, type StaffRoleName } from '../../src/domain/identity/role.js';
import { insertAppointment, seedWorld, staffToken } from '../support/appointment-world.js';
import { randomPhone } from '../support/builders.js';
import type { TestApi } from '../support/test-api.js';

export type World = Awaited<ReturnType<typeof seedWorld>> & {
  tokens: Record<StaffRoleName, string>;
  /** Jane's appointment with Dr. Rao and Ravi's with Dr. Shah. */
  janeVisit: number;
  raviVisit: number;
};

/**
 * Two centres with a clinician each, three patients, a token for every staff role (Dr. Rao is the
 * CLINICIAN), and one appointment each: Jane with Rao in India, Ravi with Shah in New York.
 */
export async function clinicWorld(t: TestApi): Promise<World> {
  const w = await seedWorld(t);
  const tokens = {} as Record<StaffRoleName, string>;
  for (const role of STAFF_ROLE_NAMES)
    if (role !== 'CLINICIAN')
      tokens[role] = await staffToken(t, role, role === 'CENTRE_MANAGER' ? w.india : null);
  tokens.CLINICIAN = w.rao.token;
  tokens.ADMIN = w.admin;
  const janeVisit = await insertAppointment(t, {
    patientId: w.jane.id,
    clinicianId: w.rao.id,
    centreId: w.india,
    startAt: '2030-03-01T10:00:00+05:30',
    status: 'COMPLETED',
  });
  const raviVisit = await insertAppointment(t, {
    patientId: w.ravi.id,
    clinicianId: w.shah.id,
    centreId: w.newYork,
    startAt: '2030-03-01T10:00:00-05:00',
  });
  return { ...w, tokens, janeVisit, raviVisit };
}

/** Registers a patient through the API as the front desk would; returns the created record. */
export async function registerPatient(t: TestApi, token: string, body: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/patients', {
    token,
    body: { fullName: 'Test Patient', phone: randomPhone(), ...body },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.data as { id: number; phone: string; fullName: string; source: string };
}

/** The audit log's entries for one patient, newest first, as ADMIN reads them. */
export async function auditOf(t: TestApi, adminToken: string, patientId: number) {
  const res = await t.request('GET', `/api/audit?patientId=${patientId}&limit=100`, { token: adminToken });
  expect(res.status, res.text).toBe(200);
  return res.body.data as Array<{
    actorId: number;
    actorRole: string;
    patientId: number;
    action: string;
    noteId: number | null;
    requestId: string;
    at: string;
  }>;
}
