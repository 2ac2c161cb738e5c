import { InvalidValueError } from '../shared/domain-error.js';
import { checkExceptions, type DateException } from './date-exception.js';
import type { DayOfWeek } from './day-of-week.js';
import { LocalDate } from './local-date.js';
import { checkSlotDuration } from './open-slots.js';
import { TimeOfDay } from './time-of-day.js';
import { WeeklyAvailability, type AvailabilityRule } from './weekly-availability.js';

/** How rules and exceptions are kept (plain JSON); the value objects are rebuilt when needed. */
export interface StoredRule {
  dayOfWeek: DayOfWeek;
  startTime: string;
  endTime: string;
  isAvailable: boolean;
  centreId: number | null;
}

export interface StoredException {
  date: string;
  isAvailable: boolean;
  startTime: string | null;
  endTime: string | null;
  centreId: number | null;
  reason: string | null;
}

export interface ClinicianProfile {
  primaryCentreId: number;
  specialization: string[];
  qualification: string[];
  yearsOfExperience: number;
  feePaise: number;
  languages: string[];
  profilePictureUrl: string | null;
  consultationMinutes: number;
}

/** A clinician's practice: profile, fee, session length, weekly availability and date exceptions. */
export class Clinician {
  id!: number;
  userId!: number;
  primaryCentreId!: number;
  specialization!: string[];
  qualification!: string[];
  yearsOfExperience!: number;
  feePaise!: number;
  languages!: string[];
  profilePictureUrl!: string | null;
  consultationMinutes!: number;
  availabilityRules!: StoredRule[];
  exceptions!: StoredException[];
  isActive!: boolean;
  deletedAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;

  private constructor() {}

  static register(userId: number, profile: ClinicianProfile, now: Date): Clinician {
    const clinician = new Clinician();
    clinician.userId = userId;
    clinician.availabilityRules = [];
    clinician.exceptions = [];
    clinician.isActive = true;
    clinician.deletedAt = null;
    clinician.createdAt = now;
    clinician.revise(profile, now);
    return clinician;
  }

  revise(changes: Partial<ClinicianProfile>, now: Date): void {
    const next = { ...this.profile(), ...changes };
    if (!Number.isInteger(next.yearsOfExperience) || next.yearsOfExperience < 0) {
      throw new InvalidValueError('yearsOfExperience', 'Must be a whole number of years');
    }
    checkSlotDuration(next.consultationMinutes, 'defaultConsultationDurationMinutes');
    Object.assign(this, next);
    this.updatedAt = now;
  }

  /** `PUT` replaces the whole weekly set; overlapping or backwards rules are refused. */
  replaceAvailability(rules: AvailabilityRule[], now: Date): void {
    WeeklyAvailability.of(rules);
    this.availabilityRules = rules.map((rule) => ({
      dayOfWeek: rule.dayOfWeek,
      startTime: rule.startTime.toString(),
      endTime: rule.endTime.toString(),
      isAvailable: rule.isAvailable,
      centreId: rule.centreId,
    }));
    this.updatedAt = now;
  }

  /** Replaces the exceptions from `today` on; past ones stay as history. */
  replaceFutureExceptions(exceptions: DateException[], today: LocalDate, now: Date): void {
    if (exceptions.some((exception) => exception.date.compare(today) < 0)) {
      throw new InvalidValueError('exceptions', 'Exceptions must be dated today or later');
    }
    const past = this.dateExceptions().filter((exception) => exception.date.compare(today) < 0);
    const all = [...past, ...exceptions];
    checkExceptions(all);
    this.exceptions = all
      .sort((a, b) => a.date.compare(b.date))
      .map((exception) => ({
        date: exception.date.toString(),
        isAvailable: exception.isAvailable,
        startTime: exception.startTime?.toString() ?? null,
        endTime: exception.endTime?.toString() ?? null,
        centreId: exception.centreId,
        reason: exception.reason,
      }));
    this.updatedAt = now;
  }

  availability(): WeeklyAvailability {
    return availabilityOf(this.availabilityRules);
  }

  dateExceptions(): DateException[] {
    return exceptionsOf(this.exceptions);
  }

  toggleActive(now: Date): void {
    if (this.deletedAt !== null)
      throw new InvalidValueError('id', 'A deleted clinician cannot be reactivated');
    this.isActive = !this.isActive;
    this.updatedAt = now;
  }

  softDelete(now: Date): void {
    this.deletedAt ??= now;
    this.isActive = false;
    this.updatedAt = now;
  }

  /** Active and not deleted: offered to patients and bookable. */
  isBookable(): boolean {
    return this.isActive && this.deletedAt === null;
  }

  private profile(): ClinicianProfile {
    return {
      primaryCentreId: this.primaryCentreId,
      specialization: this.specialization,
      qualification: this.qualification,
      yearsOfExperience: this.yearsOfExperience,
      feePaise: this.feePaise,
      languages: this.languages,
      profilePictureUrl: this.profilePictureUrl,
      consultationMinutes: this.consultationMinutes,
    };
  }
}

/** The value objects behind stored rules (read sides that never load the aggregate use these too). */
export function availabilityOf(rules: StoredRule[]): WeeklyAvailability {
  return WeeklyAvailability.of(
    rules.map((rule) => ({
      ...rule,
      startTime: TimeOfDay.parse(rule.startTime),
      endTime: TimeOfDay.parse(rule.endTime),
    })),
  );
}

export function exceptionsOf(stored: StoredException[]): DateException[] {
  return stored.map((exception) => ({
    ...exception,
    date: LocalDate.parse(exception.date),
    startTime: exception.startTime === null ? null : TimeOfDay.parse(exception.startTime),
    endTime: exception.endTime === null ? null : TimeOfDay.parse(exception.endTime),
  }));
}
