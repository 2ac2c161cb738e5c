import type { StoredException, StoredRule } from '../../../domain/scheduling/clinician.js';

/** Everything one day's slot grid needs, read in one go (the public slots page is the busiest read). */
export interface SlotInputs {
  clinician: {
    id: number;
    bookable: boolean;
    primaryCentreId: number;
    consultationMinutes: number;
    availabilityRules: StoredRule[];
    exceptions: StoredException[];
  } | null;
  centre: { id: number; timezone: string; deleted: boolean; acceptsBookings: boolean } | null;
  taken: Array<{ start: Date; end: Date }>;
}

export interface SlotInputsReads {
  /** `centreId` undefined means the clinician's primary centre; taken time overlapping [from, to). */
  load(
    clinicianId: number,
    centreId: number | undefined,
    from: Date,
    to: Date,
    now: Date,
  ): Promise<SlotInputs>;
}
