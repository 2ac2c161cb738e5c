import { EntitySchema } from '@mikro-orm/core';
import { Appointment } from '../../../domain/booking/appointment.js';

// The domain class keeps a private constructor; MikroORM only needs it as a prototype to hydrate.
type Mapped<T> = new () => T;

const CLINICIAN_NO_OVERLAP = 'appointments_no_double_booking';
const PATIENT_NO_OVERLAP = 'appointments_patient_no_overlap';

/** The exclusion constraints that make double booking impossible (created in the migration). */
export const SLOT_CONSTRAINTS: readonly string[] = [CLINICIAN_NO_OVERLAP, PATIENT_NO_OVERLAP];

// MikroORM has no model of EXCLUDE: declaring them here keeps a generated migration from dropping them.
const exclusion = (name: string, column: string) =>
  `alter table appointments add constraint ${name} exclude using gist ` +
  `(${column} with =, tstzrange(start_at, end_at, '[)') with &&) where (status in ('PENDING', 'CONFIRMED'))`;

export const AppointmentSchema = new EntitySchema<Appointment>({
  class: Appointment as unknown as Mapped<Appointment>,
  tableName: 'appointments',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    patientId: { type: 'integer' },
    clinicianId: { type: 'integer' },
    centreId: { type: 'integer' },
    startAt: { type: 'Date', columnType: 'timestamptz' },
    endAt: { type: 'Date', columnType: 'timestamptz' },
    sessionType: { type: 'text' },
    status: { type: 'text' },
    feePaise: { type: 'integer' },
    feeSetBy: { type: 'integer', nullable: true },
    paymentStatus: { type: 'text' },
    paymentOrderId: { type: 'text', nullable: true },
    paymentLinkId: { type: 'text', nullable: true },
    paymentLinkUrl: { type: 'text', nullable: true },
    holdExpiresAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    notes: { type: 'text', nullable: true },
    cancellationReason: { type: 'text', nullable: true },
    cancelledAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    cancelledBy: { type: 'text', nullable: true },
    history: { type: 'json' },
    createdBy: { type: 'text' },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    updatedAt: { type: 'Date', columnType: 'timestamptz' },
  },
  indexes: [
    { name: 'appointments_clinician_start_idx', properties: ['clinicianId', 'startAt'] },
    { name: 'appointments_patient_start_idx', properties: ['patientId', 'startAt'] },
    { name: 'appointments_centre_start_idx', properties: ['centreId', 'startAt'] },
    { name: 'appointments_status_hold_idx', properties: ['status', 'holdExpiresAt'] },
    { name: CLINICIAN_NO_OVERLAP, expression: exclusion(CLINICIAN_NO_OVERLAP, 'clinician_id') },
    { name: PATIENT_NO_OVERLAP, expression: exclusion(PATIENT_NO_OVERLAP, 'patient_id') },
  ],
});
