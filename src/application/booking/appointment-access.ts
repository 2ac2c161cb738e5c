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

/**
 * How a handler loads an appointment: to read it, or to change it with its row locked until the unit of
 * work commits (a cancel must not interleave with a payment capture, which locks the same row first).
 */
export type Access = 'read' | 'change';

function load(appointments: AppointmentRepository, id: number, access: Access) {
  return access === 'change' ? appointments.findByIdForUpdate(id) : appointments.findById(id);
}

/** An appointment a staff caller may change; outside their centre it is not found, like a missing one. */
export async function appointmentForStaff(
  appointments: AppointmentRepository,
  id: number,
  actor: StaffActor,
  access: Access = 'read',
): Promise<Appointment> {
  const appointment = await load(appointments, id, access);
  if (!appointment || !staffReachesCentre(actor, appointment.centreId))
    throw new NotFoundError('Appointment');
  return appointment;
}

/** A patient's own appointment; another patient's answers 404, so its existence is not revealed. */
export async function appointmentOfPatient(
  appointments: AppointmentRepository,
  id: number,
  patientId: number,
  access: Access = 'read',
): Promise<Appointment> {
  const appointment = await load(appointments, id, access);
  if (!appointment || appointment.patientId !== patientId) throw new NotFoundError('Appointment');
  return appointment;
}
