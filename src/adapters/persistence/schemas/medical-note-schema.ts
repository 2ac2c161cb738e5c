import { EntitySchema } from '@mikro-orm/core';
import { MedicalNote } from '../../../domain/clinical-records/medical-note.js';

// The domain class keeps a private constructor; MikroORM only needs it as a prototype to hydrate.
type Mapped<T> = new () => T;

/** Rows are only inserted; a trigger refuses updates and deletes (migration 000011). */
export const MedicalNoteSchema = new EntitySchema<MedicalNote>({
  class: MedicalNote as unknown as Mapped<MedicalNote>,
  tableName: 'medical_notes',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    patientId: { type: 'integer' },
    authorId: { type: 'integer' },
    appointmentId: { type: 'integer', nullable: true },
    body: { type: 'text' },
    correctsNoteId: { type: 'integer', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
  },
});
