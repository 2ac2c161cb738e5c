import * as v from 'valibot';
import type { NotificationView } from '../../../../application/messaging/ports/notification-reads.js';
import { NOTIFICATION_STATUSES, NOTIFICATION_TYPES } from '../../../../domain/messaging/notification.js';

export const NotificationItemData = v.object({
  id: v.number(),
  patientId: v.number(),
  appointmentId: v.nullable(v.number()),
  notificationType: v.picklist(NOTIFICATION_TYPES),
  channel: v.picklist(['whatsapp', 'sms']),
  status: v.picklist(NOTIFICATION_STATUSES),
  attempts: v.number(),
  createdAt: v.string(),
  sentAt: v.nullable(v.string()),
});

export const NotificationDetailData = v.object({
  ...NotificationItemData.entries,
  recipient: v.string(),
  message: v.string(),
  providerMessageId: v.nullable(v.string()),
  lastError: v.nullable(v.string()),
});

export const NotificationStatsData = v.object({
  totalSent: v.number(),
  totalFailed: v.number(),
  totalPending: v.number(),
  successRate: v.number(),
  byType: v.record(v.string(), v.number()),
});

export const ManualSendData = v.object({
  notificationId: v.number(),
  status: v.picklist(NOTIFICATION_STATUSES),
});

export function notificationItem(n: NotificationView) {
  return {
    id: n.id,
    patientId: n.patientId,
    appointmentId: n.appointmentId,
    notificationType: n.type,
    channel: n.channel,
    status: n.status,
    attempts: n.attempts,
    createdAt: n.createdAt.toISOString(),
    sentAt: n.sentAt?.toISOString() ?? null,
  };
}

export function notificationDetail(n: NotificationView) {
  return {
    ...notificationItem(n),
    recipient: n.recipient,
    message: n.text,
    providerMessageId: n.providerMessageId,
    lastError: n.lastError,
  };
}
