import type { DayOfWeek } from '../../../domain/scheduling/day-of-week.js';
import { LocalDate } from '../../../domain/scheduling/local-date.js';
import { TimeOfDay } from '../../../domain/scheduling/time-of-day.js';
import { wallClockOf } from '../../../domain/scheduling/time-zone.js';
import type { StaffActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { manageableClinician } from '../clinician-access.js';
import { liveCentre } from '../live-centre.js';
import type { CentreRepository } from '../ports/centre-repository.js';
import type { ClinicianRepository } from '../ports/clinician-repository.js';

export interface RuleInput {
  dayOfWeek: DayOfWeek;
  startTime: string;
  endTime: string;
  isAvailable: boolean;
  centreId?: number | null | undefined;
}

export interface ExceptionInput {
  date: string;
  isAvailable: boolean;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  centreId?: number | null | undefined;
  reason?: string | null | undefined;
}

/** Weekly availability and date exceptions; each `PUT` replaces the whole set. */
export class SetClinicianScheduleHandler {
  constructor(
    private readonly clinicians: ClinicianRepository,
    private readonly centres: CentreRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  replaceAvailability(id: number, rules: RuleInput[], actor: StaffActor): Promise<void> {
    return this.uow.run(async () => {
      const clinician = await manageableClinician(this.clinicians, id, actor);
      await this.checkCentres(rules.map((rule) => rule.centreId ?? null));
      const parsed = rules.map((rule, i) => ({
        dayOfWeek: rule.dayOfWeek,
        startTime: TimeOfDay.parse(rule.startTime, `availabilityRules.${i}.startTime`),
        endTime: TimeOfDay.parse(rule.endTime, `availabilityRules.${i}.endTime`),
        isAvailable: rule.isAvailable,
        centreId: rule.centreId ?? null,
      }));
      clinician.replaceAvailability(parsed, this.clock.now());
    });
  }

  /** Replaces the exceptions from today on, "today" in the clinician's primary centre's time zone. */
  replaceExceptions(id: number, exceptions: ExceptionInput[], actor: StaffActor): Promise<void> {
    return this.uow.run(async () => {
      const clinician = await manageableClinician(this.clinicians, id, actor);
      await this.checkCentres(exceptions.map((exception) => exception.centreId ?? null));
      const centre = await liveCentre(this.centres, clinician.primaryCentreId);
      const now = this.clock.now();
      const parsed = exceptions.map((exception, i) => ({
        date: LocalDate.parse(exception.date, `exceptions.${i}.date`),
        isAvailable: exception.isAvailable,
        startTime: exception.startTime
          ? TimeOfDay.parse(exception.startTime, `exceptions.${i}.startTime`)
          : null,
        endTime: exception.endTime ? TimeOfDay.parse(exception.endTime, `exceptions.${i}.endTime`) : null,
        centreId: exception.centreId ?? null,
        reason: exception.reason ?? null,
      }));
      clinician.replaceFutureExceptions(parsed, wallClockOf(now, centre.timezone).date, now);
    });
  }

  private async checkCentres(ids: Array<number | null>): Promise<void> {
    for (const id of new Set(ids)) if (id !== null) await liveCentre(this.centres, id);
  }
}
