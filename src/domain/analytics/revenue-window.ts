import { InvalidValueError } from '../shared/domain-error.js';
import { LocalDate } from '../scheduling/local-date.js';
import { monthOf } from './calendar-windows.js';

export const REVENUE_PERIODS = ['day', 'week', 'month', 'year'] as const;
export type RevenuePeriod = (typeof REVENUE_PERIODS)[number];

/** How revenue rows are grouped: one row per day, or per calendar month (`YYYY-MM`). */
export type RevenueBucket = 'day' | 'month';

export interface RevenueWindow {
  from: LocalDate;
  to: LocalDate;
  bucket: RevenueBucket;
}

/** Enough for a year of days or a decade of months; longer windows would be unreadable rows. */
const MAX_DAY_ROWS = 366;
const MAX_YEARS = 10;

/**
 * The window a revenue `period` means, ending today (both ends included): `day` today alone, `week`
 * the last 7 days, `month` this month so far, `year` this year so far by month. `startDate` and
 * `endDate` replace either end; the period still decides whether rows are days or months.
 */
export function revenueWindow(
  period: RevenuePeriod,
  today: LocalDate,
  override: { startDate?: string | undefined; endDate?: string | undefined } = {},
): RevenueWindow {
  const natural = naturalWindow(period, today);
  const from = override.startDate ? LocalDate.parse(override.startDate, 'startDate') : natural.from;
  const to = override.endDate ? LocalDate.parse(override.endDate, 'endDate') : natural.to;
  if (from.compare(to) > 0) throw new InvalidValueError('startDate', 'Must not be after endDate');
  const days = to.epochDay() - from.epochDay() + 1;
  if (natural.bucket === 'day' && days > MAX_DAY_ROWS)
    throw new InvalidValueError('startDate', `At most ${MAX_DAY_ROWS} days by day; use period=year`);
  if (to.year - from.year >= MAX_YEARS)
    throw new InvalidValueError('startDate', `At most ${MAX_YEARS} years`);
  return { from, to, bucket: natural.bucket };
}

function naturalWindow(period: RevenuePeriod, today: LocalDate): RevenueWindow {
  switch (period) {
    case 'day':
      return { from: today, to: today, bucket: 'day' };
    case 'week':
      return { from: today.addDays(-6), to: today, bucket: 'day' };
    case 'month':
      return { from: monthOf(today).from, to: today, bucket: 'day' };
    case 'year':
      return { from: LocalDate.of(today.year, 1, 1), to: today, bucket: 'month' };
  }
}

/** Every row label of a window, in order, so days or months without revenue still show as 0. */
export function revenueLabels(window: RevenueWindow): string[] {
  const labels: string[] = [];
  for (let day = window.from; day.compare(window.to) <= 0; day = day.addDays(1)) {
    const label = window.bucket === 'day' ? day.toString() : day.toString().slice(0, 7);
    if (labels[labels.length - 1] !== label) labels.push(label);
  }
  return labels;
}
