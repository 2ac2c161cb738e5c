import type { Actor } from '../shared/actor.js';
import { NotFoundError } from '../shared/app-errors.js';
import { staffReachesCentre } from '../booking/appointment-access.js';

/**
 * Whether the caller may see or pay this appointment's fee: a patient their own, staff within their
 * centre. Anything else answers 404, so another patient's appointment is not revealed (CONTRACT.md).
 */
export function assertPayer(actor: Actor, appointment: { patientId: number; centreId: number }): void {
  const allowed =
    actor.kind === 'patient'
      ? actor.patientId === appointment.patientId
      : staffReachesCentre(actor, appointment.centreId);
  if (!allowed) throw new NotFoundError('Appointment');
}
