/** What a clinical audit entry says was done with a patient's clinical data. */
export const AUDIT_ACTIONS = [
  'READ_MEDICAL_HISTORY',
  'WRITE_MEDICAL_HISTORY',
  'READ_NOTES',
  'WRITE_NOTE',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
