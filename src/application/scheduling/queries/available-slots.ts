import { availabilityOf, exceptionsOf } from '../../../domain/scheduling/clinician.js';
import { LocalDate } from '../../../domain/scheduling/local-date.js';
import { markOpen, slotGrid, type GridSlot, type Slot } from '../../../domain/scheduling/open-slots.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import { takenAt, type SlotInputs, type SlotInputsReads } from '../ports/slot-inputs.js';

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

/** The day's slot grid of a clinician at a centre, each slot marked open or not (one database read). */
export class AvailableSlotsHandler {
  /**
   * The grid (schedule, zone and date parsed, wall times resolved) depends only on the inputs, which
   * are read-only: when the reads hand out the same inputs again (a cache), the grid is reused.
   */
  private readonly grids = new WeakMap<SlotInputs, { date: string; grid: GridSlot[] }>();

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
    const inputs = await this.inputs.load(input.clinicianId, input.centreId, date, now);
    const { clinician, centre } = inputs;
    if (!clinician?.bookable) throw new NotFoundError('Clinician');
    if (!centre || centre.deleted) throw new NotFoundError('Centre');
    if (!centre.acceptsBookings) return { date, slots: [] };
    const slots = markOpen(this.gridOf(inputs, date), {
      taken: takenAt(inputs.taken, now),
      now,
      noticeMinutes: caller === 'patient' ? this.policy.noticeMinutes : 0,
      horizonDays: this.policy.horizonDays,
    });
    return { date, slots };
  }

  private gridOf(inputs: SlotInputs, date: LocalDate): GridSlot[] {
    const key = date.toString();
    const known = this.grids.get(inputs);
    if (known?.date === key) return known.grid;
    const grid = slotGrid({
      date,
      zone: inputs.centre!.timezone,
      durationMinutes: inputs.clinician!.consultationMinutes,
      availability: availabilityOf(inputs.clinician!.availabilityRules),
      exceptions: exceptionsOf(inputs.clinician!.exceptions),
      centreId: inputs.centre!.id,
    });
    this.grids.set(inputs, { date: key, grid });
    return grid;
  }
}
