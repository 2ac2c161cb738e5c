import { ArrayType, EntitySchema } from '@mikro-orm/core';
import { Clinician } from '../../../domain/scheduling/clinician.js';

type Mapped<T> = new () => T;

export const ClinicianSchema = new EntitySchema<Clinician>({
  class: Clinician as unknown as Mapped<Clinician>,
  tableName: 'clinicians',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    userId: { type: 'integer' },
    primaryCentreId: { type: 'integer' },
    specialization: { type: ArrayType, columnType: 'text[]' },
    qualification: { type: ArrayType, columnType: 'text[]' },
    yearsOfExperience: { type: 'integer' },
    feePaise: { type: 'integer' },
    languages: { type: ArrayType, columnType: 'text[]' },
    profilePictureUrl: { type: 'text', nullable: true },
    consultationMinutes: { type: 'integer' },
    availabilityRules: { type: 'json', columnType: 'jsonb' },
    exceptions: { type: 'json', columnType: 'jsonb' },
    isActive: { type: 'boolean' },
    deletedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    updatedAt: { type: 'Date', columnType: 'timestamptz' },
  },
});
