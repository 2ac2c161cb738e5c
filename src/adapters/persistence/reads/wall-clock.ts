import { wallClockOf } from '../../../domain/scheduling/time-zone.js';

/**
 * An instant as the spec's `appointmentDate` and `appointmentTime` at the centre. Read with the same
 * zone rules that turned the booked wall time into the instant, so a booking shows what was asked.
 */
export function wallClock(
  startAt: Date | string,
  zone: string,
): { appointmentDate: string; appointmentTime: string } {
  const { date, time } = wallClockOf(new Date(startAt), zone);
  return { appointmentDate: date.toString(), appointmentTime: time.toString() };
}
