import type { NotificationStatus, NotificationType } from '../../../domain/messaging/notification.js';
import type { Page } from '../../shared/page.js';

export interface NotificationView {
  id: number;
  patientId: number;
  appointmentId: number | null;
  /** The appointment's centre, for centre-bound callers' reach. */
  centreId: number | null;
  type: NotificationType;
  channel: 'whatsapp' | 'sms';
  recipient: string;
  status: NotificationStatus;
  attempts: number;
  text: string;
  providerMessageId: string | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** Instants, half-open: `from` ≤ created_at < `until`. */
export interface NotificationFilter {
  /** Only messages about this centre's appointments. */
  centreId?: number | undefined;
  patientId?: number | undefined;
  appointmentId?: number | undefined;
  type?: NotificationType | undefined;
  status?: NotificationStatus | undefined;
  from?: Date | undefined;
  until?: Date | undefined;
  page: number;
  limit: number;
}

export interface NotificationCounts {
  sent: number;
  failed: number;
  pending: number;
  sentByType: Record<NotificationType, number>;
}

export interface NotificationReads {
  history(filter: NotificationFilter): Promise<Page<NotificationView>>;
  counts(range: {
    centreId?: number | undefined;
    from?: Date | undefined;
    until?: Date | undefined;
  }): Promise<NotificationCounts>;
  byId(id: number): Promise<NotificationView | null>;
}
