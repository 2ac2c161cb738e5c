import { Roles } from '../../../domain/identity/role.js';
import {
  NOTIFICATION_TYPES,
  successRate,
  type NotificationStatus,
  type NotificationType,
} from '../../../domain/messaging/notification.js';
import { DEFAULT_CENTRE_TIMEZONE } from '../../../domain/scheduling/centre.js';
import { LocalDate } from '../../../domain/scheduling/local-date.js';
import { TimeOfDay } from '../../../domain/scheduling/time-of-day.js';
import { zonedInstant } from '../../../domain/scheduling/time-zone.js';
import { centreReachOf } from '../../booking/appointment-visibility.js';
import type { StaffActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Page } from '../../shared/page.js';
import type { NotificationReads, NotificationView } from '../ports/notification-reads.js';

export interface DateRange {
  /** Days (`YYYY-MM-DD`, both included) in the clinic's home zone, Asia/Kolkata. */
  startDate?: string | undefined;
  endDate?: string | undefined;
}

export interface HistoryQuery extends DateRange {
  patientId?: number | undefined;
  appointmentId?: number | undefined;
  notificationType?: NotificationType | undefined;
  status?: NotificationStatus | undefined;
  page: number;
  limit: number;
}

export interface NotificationStats {
  totalSent: number;
  totalFailed: number;
  totalPending: number;
  successRate: number;
  byType: Record<NotificationType, number>;
}

const midnight = TimeOfDay.parse('00:00');
const startOf = (day: LocalDate) => zonedInstant(day, midnight, DEFAULT_CENTRE_TIMEZONE);

function instantsOf(range: DateRange) {
  return {
    from: range.startDate ? startOf(LocalDate.parse(range.startDate, 'startDate')) : undefined,
    until: range.endDate ? startOf(LocalDate.parse(range.endDate, 'endDate').addDays(1)) : undefined,
  };
}

/** Staff tied to a centre read that centre's messages only (CONTRACT.md). */
function centreOf(actor: StaffActor): number | undefined {
  const reach = centreReachOf(actor);
  return reach === 'all' ? undefined : reach === 'none' ? -1 : reach;
}

/** History, stats and lookups of recorded messages (the spec's Notifications reads). */
export class NotificationQueries {
  constructor(private readonly reads: NotificationReads) {}

  history(query: HistoryQuery, actor: StaffActor): Promise<Page<NotificationView>> {
    return this.reads.history({
      centreId: centreOf(actor),
      patientId: query.patientId,
      appointmentId: query.appointmentId,
      type: query.notificationType,
      status: query.status,
      ...instantsOf(query),
      page: query.page,
      limit: query.limit,
    });
  }

  async stats(range: DateRange, actor: StaffActor): Promise<NotificationStats> {
    const counts = await this.reads.counts({ centreId: centreOf(actor), ...instantsOf(range) });
    const byType = Object.fromEntries(NOTIFICATION_TYPES.map((type) => [type, counts.sentByType[type] ?? 0]));
    return {
      totalSent: counts.sent,
      totalFailed: counts.failed,
      totalPending: counts.pending,
      successRate: successRate(counts.sent, counts.failed),
      byType: byType as Record<NotificationType, number>,
    };
  }

  /** A centre-bound caller sees only messages about its centre's appointments; others answer 404. */
  async get(id: number, actor: StaffActor): Promise<NotificationView> {
    const notification = await this.reads.byId(id);
    const reach = actor.roleId === Roles.CLINICIAN ? 'none' : centreReachOf(actor);
    if (!notification || (reach !== 'all' && reach !== notification.centreId)) {
      throw new NotFoundError('Notification');
    }
    return notification;
  }
}
