import type { LocalDate } from '../scheduling/local-date.js';
import type { TimeOfDay } from '../scheduling/time-of-day.js';

const DAY_NAMES = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
} as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Monday, 1 Dec 2026`: the wall-clock date at the centre, as people read it. */
export function dayText(date: LocalDate): string {
  return `${DAY_NAMES[date.dayOfWeek()]}, ${date.day} ${MONTHS[date.month - 1]} ${date.year}`;
}

/** `9:30 AM`: twelve-hour clock, as appointments are spoken of in the clinics. */
export function timeText(time: TimeOfDay): string {
  const [hours, minutes] = time.toString().split(':').map(Number) as [number, number];
  const suffix = hours < 12 ? 'AM' : 'PM';
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return `${twelve}:${String(minutes).padStart(2, '0')} ${suffix}`;
}

/** Rupees from paise, without trailing `.00` (₹1,500 or ₹1,499.50). */
export function rupeesText(paise: number): string {
  const rupees = paise / 100;
  const fraction = Number.isInteger(rupees) ? 0 : 2;
  return `₹${rupees.toLocaleString('en-IN', { minimumFractionDigits: fraction, maximumFractionDigits: 2 })}`;
}
