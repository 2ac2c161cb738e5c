/** Time a clinician's appointments occupy: confirmed ones, and pending ones whose hold is still live. */
export interface TakenTime {
  between(clinicianId: number, from: Date, to: Date, now: Date): Promise<Array<{ start: Date; end: Date }>>;
}
