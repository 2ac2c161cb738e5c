/** The clinic's booking rules, from configuration (CONTRACT.md, Scheduling conventions). */
export interface BookingRules {
  /** Patients' own bookings need this much notice; staff may book any time before the start. */
  noticeMinutes: number;
  horizonDays: number;
  /** How long a patient's unpaid booking holds its slot. */
  patientHoldMinutes: number;
  /** How long a staff booking's payment link (and so its hold) lasts, never past the start. */
  paymentLinkHours: number;
  /** Patients may cancel their own appointment until this many hours before it starts. */
  patientCancelCutoffHours: number;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
