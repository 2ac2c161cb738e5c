import type { Page } from '../../shared/page.js';
import type {
  AppointmentStatus,
  PaymentStatus,
  SessionType,
} from '../../../domain/booking/appointment-status.js';

/**
 * The read side of appointments: SQL over appointments joined with patients, clinicians and centres,
 * never a loaded aggregate. Dates and times are wall-clock values in the appointment's centre zone.
 */
export interface AppointmentSummary {
  id: number;
  patientId: number;
  patientName: string | null;
  clinicianId: number;
  clinicianName: string;
  centreId: number;
  centreName: string;
  /** `YYYY-MM-DD` at the centre. */
  appointmentDate: string;
  /** `HH:MM:SS` at the centre. */
  appointmentTime: string;
  sessionType: SessionType;
  status: AppointmentStatus;
  feePaise: number;
  paymentStatus: PaymentStatus;
  /** The video link of an ONLINE session, once made (shown to its patient, clinician and staff). */
  meetLink: string | null;
}

export interface AppointmentDetail extends AppointmentSummary {
  patientPhone: string;
  /** The clinician's staff account, so a clinician can be shown only their own. */
  clinicianUserId: number;
  notes: string | null;
  holdExpiresAt: Date | null;
  cancellationReason: string | null;
  /** The payment link a staff booking sent, while there is one. */
  paymentLink: string | null;
}

export interface AgendaItem {
  id: number;
  patientName: string | null;
  appointmentDate: string;
  appointmentTime: string;
  sessionType: SessionType;
  status: AppointmentStatus;
  meetLink: string | null;
}

export type AgendaBucket = 'current' | 'upcoming' | 'past';

/** A clinician's day-to-day view: each bucket paged on its own, with its own total. */
export type ClinicianAgenda = Record<AgendaBucket, { items: AgendaItem[]; total: number }>;

export interface AppointmentFilter {
  centreId?: number | undefined;
  clinicianId?: number | undefined;
  patientId?: number | undefined;
  /** `YYYY-MM-DD` read in each appointment's centre zone. */
  date?: string | undefined;
  status?: AppointmentStatus | undefined;
  page: number;
  limit: number;
}

export interface AppointmentReads {
  /** Ordered by start; one statement per page whatever its size. */
  list(filter: AppointmentFilter): Promise<Page<AppointmentSummary>>;
  byId(id: number): Promise<AppointmentDetail | null>;
  /**
   * The appointments of the clinician whose staff account is `userId`, split around `now`. Current
   * and upcoming leave out cancelled ones and unpaid holds that ran out; past is most recent first.
   */
  agendaOf(userId: number, now: Date, page: number, limit: number): Promise<ClinicianAgenda>;
}
