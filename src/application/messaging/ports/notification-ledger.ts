import type { NotificationType } from '../../../domain/messaging/notification.js';

export interface NewNotification {
  patientId: number;
  appointmentId: number | null;
  type: NotificationType;
  channel: 'whatsapp' | 'sms';
  recipient: string;
  template: string;
  params: Record<string, string>;
  text: string;
  /** The automatic message's identity (its job key); null for a manual resend, which is always new. */
  dedupeKey: string | null;
  createdBy: string;
}

/** A row won for sending: what to send, and how many sends it has had counting this one. */
export interface ClaimedNotification {
  id: number;
  channel: 'whatsapp' | 'sms';
  recipient: string;
  template: string;
  params: Record<string, string>;
  text: string;
  attempts: number;
}

/** `done`: SENT or FAILED already; `busy`: another worker holds its lease. */
export type ClaimResult =
  { kind: 'claimed'; notification: ClaimedNotification } | { kind: 'done' } | { kind: 'busy' };

/** The record of every patient message and its delivery state (OTPs are never recorded). */
export interface NotificationLedger {
  /** Inserts a row; with a dedupe key already recorded, returns that row's id instead. */
  open(notification: NewNotification): Promise<number>;
  /** Wins the row for `leaseSeconds` when it is PENDING and nobody else holds it; counts the attempt. */
  claim(id: number, leaseSeconds: number): Promise<ClaimResult>;
  markSent(id: number, providerMessageId: string): Promise<void>;
  markFailed(id: number, error: string): Promise<void>;
  /** A try that may work later: keep PENDING, drop the lease, remember why. */
  release(id: number, error: string): Promise<void>;
  /** An automatic message no longer relevant (cancelled, moved) after an earlier try: a PENDING row nobody holds ends FAILED. */
  abandon(dedupeKey: string, reason: string): Promise<void>;
}
