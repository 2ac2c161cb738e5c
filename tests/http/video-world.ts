import { FakeMeetingGateway } from '../../src/adapters/gateways/google-meet/fake-meeting-gateway.js';
import { T } from '../../src/bootstrap/tokens.js';
import { insertAppointment, seedWorld } from '../support/appointment-world.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

export const MEET = /^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

/** The video e2e tests' API: the appointment world, the fake Meet, and request helpers. */
export async function startVideoWorld() {
  const t: TestApi = await startTestApi();
  const w = await seedWorld(t);
  const gateway = t.api.container.get(T.MeetingGateway);
  if (!(gateway instanceof FakeMeetingGateway)) throw new Error('tests run with the fake Meet');
  let slot = 0;
  return {
    t,
    w,
    fake: gateway,
    /** A confirmed ONLINE session of Jane's with Dr. Rao in Bangalore, each on its own day. */
    appointment(over: Partial<Parameters<typeof insertAppointment>[1]> = {}) {
      slot += 1;
      const day = String(1 + (slot % 28)).padStart(2, '0');
      const month = String(1 + Math.floor(slot / 28)).padStart(2, '0');
      return insertAppointment(t, {
        patientId: w.jane.id,
        clinicianId: w.rao.id,
        centreId: w.india,
        startAt: `2031-${month}-${day}T10:00:00+05:30`,
        ...over,
      });
    },
    generate: (token: string, body: object) =>
      t.request('POST', '/api/video/generate-meet-link', { token, body }),
    linkOf: (id: number, token: string) =>
      t.request('GET', `/api/video/appointment/${id}/meet-link`, { token }),
  };
}
