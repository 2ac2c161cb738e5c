import type { RevenueWindow } from '../../../domain/analytics/revenue-window.js';
import type { CalendarWindows } from '../../../domain/analytics/calendar-windows.js';
import type { LeadSource } from '../../../domain/identity/patient.js';
import type { Page } from '../../shared/page.js';

/** A centre's id, or `null` for every centre. */
export type CentreScope = number | null;

/** The calendar windows of one time zone: every record is counted against its own centre's. */
export interface ZoneWindows extends CalendarWindows {
  zone: string;
}

export interface DashboardFigures {
  totalPatients: number;
  totalDoctors: number;
  totalFollowUps: number;
  totalRevenuePaise: number;
  appointmentsToday: number;
  appointmentsThisWeek: number;
  appointmentsThisMonth: number;
}

export interface TopDoctor {
  clinicianId: number;
  clinicianName: string;
  totalAppointments: number;
  revenuePaise: number;
  averageRating: number | null;
}

/** `label` is `YYYY-MM-DD` for days, `YYYY-MM` for months. */
export interface RevenueRow {
  label: string;
  paise: number;
}

/**
 * Analytics is only reads: every figure is computed by SQL in the database (counts, sums, averages,
 * local dates through each centre's zone), never by loading aggregates.
 */
export interface AnalyticsReads {
  /** The time zones of the centres in scope (of every centre without one). */
  zonesOf(scope: CentreScope): Promise<string[]>;
  dashboard(scope: CentreScope, windows: ZoneWindows[]): Promise<DashboardFigures>;
  topDoctors(scope: CentreScope, page: number, limit: number): Promise<Page<TopDoctor>>;
  /** Only the labels with revenue; one statement. */
  revenue(scope: CentreScope, window: RevenueWindow): Promise<RevenueRow[]>;
  leadsBySource(scope: CentreScope): Promise<Array<{ source: LeadSource; count: number }>>;
}
