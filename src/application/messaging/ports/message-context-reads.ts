import type { AppointmentStatus } from '../../../domain/booking/appointment-status.js';
import type { AppointmentFacts } from '../../../domain/messaging/templates.js';

/** What a message about an appointment needs, read fresh when the message is composed. */
export interface AppointmentMessageContext {
  appointmentId: number;
  patientId: number;
  patientPhone: string;
  centreId: number;
  status: AppointmentStatus;
  startAt: Date;
  facts: AppointmentFacts;
}

export interface MessageContextReads {
  forAppointment(appointmentId: number): Promise<AppointmentMessageContext | null>;
}
