/** Who is a patient's clinician: read from appointments, which belong to booking. */
export interface ClinicalRelationships {
  /**
   * Whether the clinician whose staff account is `userId` has or had an appointment with the
   * patient. Cancelled appointments do not count: a visit that never took place opens no record.
   */
  isPatientsClinician(userId: number, patientId: number): Promise<boolean>;
  /** The clinician (scheduling's id) whose staff account is `userId`, if that account is one. */
  clinicianIdOf(userId: number): Promise<number | null>;
  /** The patient and the clinician's staff account of an appointment. */
  partiesOf(appointmentId: number): Promise<{ patientId: number; clinicianUserId: number } | null>;
}
