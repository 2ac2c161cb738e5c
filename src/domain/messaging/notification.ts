/** What a recorded message is about (the spec's `notificationType`). OTPs are never recorded. */
export const NOTIFICATION_TYPES = [
  'APPOINTMENT_CONFIRMATION',
  'APPOINTMENT_REMINDER',
  'PAYMENT_LINK',
  'APPOINTMENT_CANCELLATION',
  'PAYMENT_REFUND',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** Sends a row gets before it is given up as FAILED (each provider try inside one send counts once). */
export const MAX_DELIVERY_ATTEMPTS = 5;

/** sent ÷ (sent + failed) × 100, one decimal; 0 when nothing was sent or failed yet. */
export function successRate(sent: number, failed: number): number {
  const settled = sent + failed;
  if (settled === 0) return 0;
  return Math.round((sent / settled) * 1000) / 10;
}
