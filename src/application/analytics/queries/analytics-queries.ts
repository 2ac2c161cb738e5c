import { calendarWindowsOn } from '../../../domain/analytics/calendar-windows.js';
import { LEAD_SOURCE_LABELS } from '../../../domain/analytics/lead-sources.js';
import { wholePercentages } from '../../../domain/analytics/percentages.js';
import {
  revenueLabels,
  revenueWindow,
  type RevenuePeriod,
} from '../../../domain/analytics/revenue-window.js';
import { LEAD_SOURCES } from '../../../domain/identity/patient.js';
import { DEFAULT_CENTRE_TIMEZONE } from '../../../domain/scheduling/centre.js';
import { wallClockOf } from '../../../domain/scheduling/time-zone.js';
import type { StaffActor } from '../../shared/actor.js';
import type { Page } from '../../shared/page.js';
import type { Clock } from '../../shared/ports/clock.js';
import { analyticsScopeOf } from '../analytics-scope.js';
import type { AnalyticsReads, DashboardFigures, TopDoctor } from '../ports/analytics-reads.js';

export interface RevenueQuery {
  period: RevenuePeriod;
  centreId?: number | undefined;
  startDate?: string | undefined;
  endDate?: string | undefined;
}

export interface RevenueReport {
  period: RevenuePeriod;
  totalRevenuePaise: number;
  rows: Array<{ label: string; paise: number }>;
}

export interface LeadShare {
  source: string;
  count: number;
  percentage: number;
}

/** The management dashboard's four reads, each scoped by analyticsScopeOf. */
export class AnalyticsQueries {
  constructor(
    private readonly reads: AnalyticsReads,
    private readonly clock: Clock,
  ) {}

  async dashboard(centreId: number | undefined, actor: StaffActor): Promise<DashboardFigures> {
    const scope = analyticsScopeOf(actor, centreId);
    const now = this.clock.now();
    const zones = await this.reads.zonesOf(scope);
    const windows = zones.map((zone) => ({ zone, ...calendarWindowsOn(wallClockOf(now, zone).date) }));
    return this.reads.dashboard(scope, windows);
  }

  topDoctors(
    input: { centreId?: number | undefined; page: number; limit: number },
    actor: StaffActor,
  ): Promise<Page<TopDoctor>> {
    return this.reads.topDoctors(analyticsScopeOf(actor, input.centreId), input.page, input.limit);
  }

  /**
   * Rows are local dates at each payment's centre. "Today" is the centre's today, or with every centre
   * in scope the clinic's home zone's (Asia/Kolkata), so that all rows share one set of labels.
   */
  async revenue(input: RevenueQuery, actor: StaffActor): Promise<RevenueReport> {
    const scope = analyticsScopeOf(actor, input.centreId);
    const zones = scope === null ? [] : await this.reads.zonesOf(scope);
    const today = wallClockOf(this.clock.now(), zones[0] ?? DEFAULT_CENTRE_TIMEZONE).date;
    const window = revenueWindow(input.period, today, input);
    const found = new Map((await this.reads.revenue(scope, window)).map((row) => [row.label, row.paise]));
    const rows = revenueLabels(window).map((label) => ({ label, paise: found.get(label) ?? 0 }));
    return {
      period: input.period,
      totalRevenuePaise: rows.reduce((sum, row) => sum + row.paise, 0),
      rows,
    };
  }

  /** Sources with at least one patient, most first; the percentages add up to exactly 100. */
  async leadsBySource(centreId: number | undefined, actor: StaffActor): Promise<LeadShare[]> {
    const counts = await this.reads.leadsBySource(analyticsScopeOf(actor, centreId));
    const sorted = counts
      .filter((c) => c.count > 0)
      .sort((a, b) => b.count - a.count || LEAD_SOURCES.indexOf(a.source) - LEAD_SOURCES.indexOf(b.source));
    const percentages = wholePercentages(sorted.map((c) => c.count));
    return sorted.map((c, i) => ({
      source: LEAD_SOURCE_LABELS[c.source],
      count: c.count,
      percentage: percentages[i]!,
    }));
  }
}
