import type { Centre } from '../../domain/scheduling/centre.js';
import type { Clinician } from '../../domain/scheduling/clinician.js';
import { LocalDate } from '../../domain/scheduling/local-date.js';
import { findOpenSlot } from '../../domain/scheduling/open-slots.js';
import { TimeOfDay } from '../../domain/scheduling/time-of-day.js';
import { zonedInstant } from '../../domain/scheduling/time-zone.js';
import { liveCentre } from '../scheduling/live-centre.js';
import type { CentreRepository } from '../scheduling/ports/centre-repository.js';
import type { ClinicianRepository } from '../scheduling/ports/clinician-repository.js';
import type { TakenTime } from '../scheduling/ports/taken-time.js';
import { ConflictError, NotFoundError } from '../shared/app-errors.js';
import { MINUTE_MS, type BookingRules } from './booking-rules.js';

export interface Bookable {
  clinician: Clinician;
  centre: Centre;
}

export interface Interval {
  start: Date;
  end: Date;
}

export interface WallTime {
  /** `YYYY-MM-DD` at the centre. */
  appointmentDate: string;
  /** `HH:MM` or `HH:MM:SS` at the centre. */
  appointmentTime: string;
}

export const slotUnavailable = (message = 'This time slot is not available') =>
  new ConflictError('SLOT_UNAVAILABLE', message);

/** What booking and rescheduling accept: an open slot of a bookable clinician at a bookable centre. */
export class OpenSlotFinder {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly centres: CentreRepository,
    private readonly taken: TakenTime,
    private readonly rules: Pick<BookingRules, 'noticeMinutes' | 'horizonDays'>,
  ) {}

  /** Unknown or deleted → 404; inactive clinician or centre → 409 SLOT_UNAVAILABLE (CONTRACT.md). */
  async bookable(clinicianId: number, centreId: number): Promise<Bookable> {
    const clinician = await this.clinicians.findById(clinicianId);
    if (!clinician || clinician.deletedAt !== null) throw new NotFoundError('Clinician');
    const centre = await liveCentre(this.centres, centreId);
    if (!clinician.isBookable()) throw slotUnavailable('This clinician is not taking bookings');
    if (!centre.acceptsBookings()) throw slotUnavailable('This centre is not taking bookings');
    return { clinician, centre };
  }

  /** The instant a wall time at the centre names; a time the zone skips (DST) is never a slot. */
  instantOf(centre: Centre, at: WallTime): Date {
    const date = LocalDate.parse(at.appointmentDate, 'appointmentDate');
    const start = zonedInstant(date, TimeOfDay.parse(at.appointmentTime, 'appointmentTime'), centre.timezone);
    if (start === undefined) throw slotUnavailable("This time does not exist in the centre's time zone");
    return start;
  }

  /**
   * The open slot that starts at this wall time in the centre's zone. Taken time leaves out expired
   * holds, so they never block; `own` is the time of the appointment being moved, which it frees.
   */
  async open(
    where: Bookable,
    at: WallTime,
    caller: 'patient' | 'staff',
    now: Date,
    own?: Interval,
  ): Promise<Interval> {
    const { clinician, centre } = where;
    const date = LocalDate.parse(at.appointmentDate, 'appointmentDate');
    const start = this.instantOf(centre, at);
    const end = new Date(start.getTime() + clinician.consultationMinutes * MINUTE_MS);
    const taken = await this.taken.between(clinician.id, start, end, now);
    const slot = findOpenSlot(
      {
        date,
        zone: centre.timezone,
        durationMinutes: clinician.consultationMinutes,
        availability: clinician.availability(),
        exceptions: clinician.dateExceptions(),
        centreId: centre.id,
        taken: own ? withoutOnce(taken, own) : taken,
        now,
        noticeMinutes: caller === 'patient' ? this.rules.noticeMinutes : 0,
        horizonDays: this.rules.horizonDays,
      },
      start,
    );
    if (!slot) throw slotUnavailable();
    return { start: slot.start, end: slot.end };
  }
}

function withoutOnce(taken: Interval[], own: Interval): Interval[] {
  const index = taken.findIndex(
    (t) => t.start.getTime() === own.start.getTime() && t.end.getTime() === own.end.getTime(),
  );
  return index < 0 ? taken : taken.filter((_, i) => i !== index);
}
