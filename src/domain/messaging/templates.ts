import type { LocalDate } from '../scheduling/local-date.js';
import type { TimeOfDay } from '../scheduling/time-of-day.js';
import type { NotificationType } from './notification.js';
import { dayText, rupeesText, timeText } from './wording.js';

/**
 * What a patient message may say about an appointment. Deliberately nothing clinical: no
 * specialization, diagnosis, notes or reason for the visit can reach a template, because a WhatsApp
 * message may be read by someone else on the patient's phone.
 */
export interface AppointmentFacts {
  patientName: string | null;
  clinicianName: string | null;
  centreName: string;
  centreAddress: string;
  /** Wall-clock date and time at the centre. */
  date: LocalDate;
  time: TimeOfDay;
  sessionType: 'ONLINE' | 'IN_PERSON';
}

/** A composed message: the provider template's name, its named values, and the text a person reads. */
export interface ComposedMessage {
  type: NotificationType;
  template: string;
  params: Record<string, string>;
  text: string;
}

function common(facts: AppointmentFacts) {
  return {
    name: facts.patientName?.trim() || 'there',
    clinician: facts.clinicianName?.trim() || 'your clinician',
    date: dayText(facts.date),
    time: timeText(facts.time),
  };
}

function whereText(facts: AppointmentFacts, meetLink: string | null): string {
  if (facts.sessionType === 'IN_PERSON') return `Venue: ${facts.centreName}, ${facts.centreAddress}.`;
  return meetLink ? `Join online: ${meetLink}` : 'We will send you the link to join online before it starts.';
}

export function confirmationMessage(facts: AppointmentFacts, meetLink: string | null): ComposedMessage {
  const p = { ...common(facts), where: whereText(facts, meetLink) };
  return {
    type: 'APPOINTMENT_CONFIRMATION',
    template: 'appointment_confirmation',
    params: p,
    text: `Hello ${p.name}, your appointment with ${p.clinician} on ${p.date} at ${p.time} is confirmed. ${p.where}`,
  };
}

export function reminderMessage(facts: AppointmentFacts, meetLink: string | null): ComposedMessage {
  const p = { ...common(facts), where: whereText(facts, meetLink) };
  return {
    type: 'APPOINTMENT_REMINDER',
    template: 'appointment_reminder',
    params: p,
    text: `Hello ${p.name}, a reminder of your appointment with ${p.clinician} on ${p.date} at ${p.time}. ${p.where}`,
  };
}

export function paymentLinkMessage(
  facts: AppointmentFacts,
  link: { url: string; amountPaise: number },
): ComposedMessage {
  const p = { ...common(facts), amount: rupeesText(link.amountPaise), url: link.url };
  return {
    type: 'PAYMENT_LINK',
    template: 'payment_link',
    params: p,
    text: `Hello ${p.name}, to confirm your appointment with ${p.clinician} on ${p.date} at ${p.time}, please pay ${p.amount} here: ${p.url}`,
  };
}

export function cancellationMessage(facts: AppointmentFacts): ComposedMessage {
  const p = common(facts);
  return {
    type: 'APPOINTMENT_CANCELLATION',
    template: 'appointment_cancellation',
    params: p,
    text: `Hello ${p.name}, your appointment with ${p.clinician} on ${p.date} at ${p.time} has been cancelled. Reply to this message if you would like a new time.`,
  };
}

export function refundMessage(facts: AppointmentFacts, amountPaise: number): ComposedMessage {
  const p = { ...common(facts), amount: rupeesText(amountPaise) };
  return {
    type: 'PAYMENT_REFUND',
    template: 'payment_refund',
    params: p,
    text: `Hello ${p.name}, we have refunded ${p.amount} for your appointment on ${p.date} at ${p.time}. It may take 5-7 working days to reach your account.`,
  };
}
