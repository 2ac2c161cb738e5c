import { EntitySchema } from '@mikro-orm/core';
import { OneTimeCode } from '../../../domain/identity/one-time-code.js';
import { Patient } from '../../../domain/identity/patient.js';
import { RefreshSession } from '../../../domain/identity/refresh-session.js';
import { StaffUser } from '../../../domain/identity/staff-user.js';

// The domain classes keep private constructors; MikroORM only needs them as prototypes to hydrate.
type Mapped<T> = new () => T;

export const StaffUserSchema = new EntitySchema<StaffUser>({
  class: StaffUser as unknown as Mapped<StaffUser>,
  tableName: 'staff_users',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    fullName: { type: 'text' },
    phone: { type: 'text' },
    email: { type: 'text', nullable: true },
    username: { type: 'text', nullable: true },
    passwordHash: { type: 'text', nullable: true },
    roleId: { type: 'smallint' },
    centreId: { type: 'integer', nullable: true },
    isActive: { type: 'boolean' },
    deletedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    updatedAt: { type: 'Date', columnType: 'timestamptz' },
  },
});

export const PatientSchema = new EntitySchema<Patient>({
  class: Patient as unknown as Mapped<Patient>,
  tableName: 'patients',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    fullName: { type: 'text', nullable: true },
    phone: { type: 'text' },
    email: { type: 'text', nullable: true },
    dateOfBirth: { type: 'string', columnType: 'date', nullable: true },
    gender: { type: 'text', nullable: true },
    bloodGroup: { type: 'text', nullable: true },
    emergencyContactName: { type: 'text', nullable: true },
    emergencyContactPhone: { type: 'text', nullable: true },
    source: { type: 'text' },
    medicalHistory: { type: 'text', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
    updatedAt: { type: 'Date', columnType: 'timestamptz' },
  },
});

export const OneTimeCodeSchema = new EntitySchema<OneTimeCode>({
  class: OneTimeCode as unknown as Mapped<OneTimeCode>,
  tableName: 'one_time_codes',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    purpose: { type: 'text' },
    phone: { type: 'text' },
    codeHash: { type: 'text' },
    expiresAt: { type: 'Date', columnType: 'timestamptz' },
    wrongAttempts: { type: 'smallint' },
    consumedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    fullName: { type: 'text', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
  },
});

export const RefreshSessionSchema = new EntitySchema<RefreshSession>({
  class: RefreshSession as unknown as Mapped<RefreshSession>,
  tableName: 'refresh_sessions',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    subjectKind: { type: 'text' },
    subjectId: { type: 'integer' },
    tokenHash: { type: 'text' },
    expiresAt: { type: 'Date', columnType: 'timestamptz' },
    revokedAt: { type: 'Date', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'Date', columnType: 'timestamptz' },
  },
});

export const identitySchemas = [StaffUserSchema, PatientSchema, OneTimeCodeSchema, RefreshSessionSchema];
