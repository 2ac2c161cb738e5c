import type { LocalDate } from '../scheduling/local-date.js';

/** Both ends included. */
export interface DateRange {
  from: LocalDate;
  to: LocalDate;
}

/** The Monday-to-Sunday week that holds `day`. */
export function weekOf(day: LocalDate): DateRange {
  const sinceMonday = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].indexOf(
    day.dayOfWeek(),
  );
  const from = day.addDays(-sinceMonday);
  return { from, to: from.addDays(6) };
}

/** The calendar month that holds `day`. */
export function monthOf(day: LocalDate): DateRange {
  const from = day.addDays(1 - day.day);
  const nextMonth = from.addDays(31 + 1 - from.addDays(31).day);
  return { from, to: nextMonth.addDays(-1) };
}

/** The dashboard's windows around one centre's today: today, this week, this calendar month. */
export interface CalendarWindows {
  today: LocalDate;
  week: DateRange;
  month: DateRange;
}

export function calendarWindowsOn(today: LocalDate): CalendarWindows {
  return { today, week: weekOf(today), month: monthOf(today) };
}
