import { availabilityOf, exceptionsOf } from '../../../domain/scheduling/clinician.js';
import { LocalDate } from '../../../domain/scheduling/local-date.js';
import { slotsOn, type Slot } from '../../../domain/scheduling/open-slots.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { SlotInputsReads } from '../ports/slot-inputs.js';

export interface AvailableSlots {
  clinicianId: number;
  centreId?: number | undefined;
  date: string;
}

export interface BookingPolicy {
  /** Patients' own bookings need this much notice; staff may book any time before the start. */
  noticeMinutes: number;
  horizonDays: number;
}

/** A zone is at most 14 hours from UTC: this span covers any local date, wherever the centre is. */
const ZONE_MARGIN_MS = 14 * 3600_000;

/** The day's slot grid of a clinician at a centre, each slot marked open or not (one database read). */
export class AvailableSlotsHandler {
  constructor(
    private readonly inputs: SlotInputsReads,
    private readonly clock: Clock,
    private readonly policy: BookingPolicy,
  ) {}

  async execute(
    input: AvailableSlots,
    caller: 'patient' | 'staff',
  ): Promise<{ date: LocalDate; slots: Slot[] }> {
    const date = LocalDate.parse(input.date);
    const now = this.clock.now();
    const midnightUtc = Date.UTC(date.year, date.month - 1, date.day);
    const { clinician, centre, taken } = await this.inputs.load(
      input.clinicianId,
      input.centreId,
      new Date(midnightUtc - ZONE_MARGIN_MS),
      new Date(midnightUtc + 24 * 3600_000 + ZONE_MARGIN_MS),
      now,
    );
    if (!clinician?.bookable) throw new NotFoundError('Clinician');
    if (!centre || centre.deleted) throw new NotFoundError('Centre');
    if (!centre.acceptsBookings) return { date, slots: [] };
    const slots = slotsOn({
      date,
      zone: centre.timezone,
      durationMinutes: clinician.consultationMinutes,
      availability: availabilityOf(clinician.availabilityRules),
      exceptions: exceptionsOf(clinician.exceptions),
      centreId: centre.id,
      taken,
      now,
      noticeMinutes: caller === 'patient' ? this.policy.noticeMinutes : 0,
      horizonDays: this.policy.horizonDays,
    });
    return { date, slots };
  }
}
