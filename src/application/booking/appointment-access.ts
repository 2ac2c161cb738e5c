import type { Appointment } from '../../domain/booking/appointment.js';
import type { StaffActor } from '../shared/actor.js';
import { NotFoundError } from '../shared/app-errors.js';
import { centreReachOf } from './appointment-visibility.js';
import type { AppointmentRepository } from './ports/appointment-repository.js';

/** Whether a staff caller may act at this centre: its own when tied to one (CONTRACT.md). */
export function staffReachesCentre(actor: StaffActor, centreId: number): boolean {
  const reach = centreReachOf(actor);
  return reach === 'all' || reach === centreId;
}

/** An appointment a staff caller may change; outside their centre it is not found, like a missing one. */
export async function appointmentForStaff(
  appointments: AppointmentRepository,
  id: number,
  actor: StaffActor,
): Promise<Appointment> {
  const appointment = await appointments.findById(id);
  if (!appointment || !staffReachesCentre(actor, appointment.centreId))
    throw new NotFoundError('Appointment');
  return appointment;
}

/** A patient's own appointment; another patient's answers 404, so its existence is not revealed. */
export async function appointmentOfPatient(
  appointments: AppointmentRepository,
  id: number,
  patientId: number,
): Promise<Appointment> {
  const appointment = await appointments.findById(id);
  if (!appointment || appointment.patientId !== patientId) throw new NotFoundError('Appointment');
  return appointment;
}
