import type { Appointment } from '../../../domain/booking/appointment.js';
import type { Payment } from '../../../domain/billing/payment.js';

/** Where the provider's ids lead: the appointment an order, link or payment belongs to. */
export type ProviderReference =
  | { kind: 'order'; orderId: string }
  | { kind: 'link'; linkId: string }
  | { kind: 'payment'; providerPaymentId: string };

/**
 * Payments, one per appointment with a fee. Everything billing changes about an appointment happens
 * with the appointment and its payment locked (inside the caller's unit of work), so a verify, a
 * webhook and a job racing on one appointment take turns.
 */
export interface PaymentRepository {
  /** The appointment locked for update, or null. */
  lockAppointment(appointmentId: number): Promise<Appointment | null>;
  /** The appointment's payment, opened when it has none yet, locked for update. */
  lockPaymentOf(appointment: Appointment, now: Date): Promise<Payment>;
  /**
   * The same two locks for the road to "paid", but the unit of work does not track what they return:
   * nothing is written unless saveCaptured is called (the hot path skips the ORM's change tracking).
   */
  lockAppointmentForCapture(appointmentId: number): Promise<Appointment | null>;
  lockPaymentForCapture(appointment: Appointment, now: Date): Promise<Payment>;
  /** Writes what a capture changed on the appointment and payment locked ForCapture. */
  saveCaptured(appointment: Appointment, payment: Payment): Promise<void>;
  findByAppointment(appointmentId: number): Promise<Payment | null>;
  appointmentIdOf(reference: ProviderReference): Promise<number | null>;
}

/** Webhook deliveries already handled, by Razorpay's `x-razorpay-event-id`. */
export interface WebhookEventLog {
  /** True the first time an event id is claimed in a committed unit of work; false ever after. */
  claim(eventId: string, event: string): Promise<boolean>;
}
