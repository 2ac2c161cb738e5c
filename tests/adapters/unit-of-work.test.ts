import { PostgreSqlExceptionConverter } from '@mikro-orm/postgresql';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { raceConflict } from '../../src/adapters/persistence/unit-of-work.js';

/** A server error as the pg driver reports it, converted the way MikroORM converts it in production. */
function serverError(code: string, constraint?: string) {
  const error = new pg.DatabaseError(`server error ${code}`, 0, 'error');
  error.code = code;
  if (constraint) error.constraint = constraint;
  return new PostgreSqlExceptionConverter().convertException(error);
}

describe('raceConflict: losing a race is a 409, never a 500', () => {
  it.each(['appointments_no_double_booking', 'appointments_patient_no_overlap'])(
    'an exclusion violation of %s means the slot is taken',
    (constraint) => {
      expect(raceConflict(serverError('23P01', constraint))).toMatchObject({
        code: 'SLOT_UNAVAILABLE',
        message: 'This time slot is no longer available',
      });
    },
  );

  it.each([
    ['40P01', 'deadlock'],
    ['40001', 'serialization failure'],
  ])('%s (%s) means the slot is taken', (code) => {
    expect(raceConflict(serverError(code))?.code).toBe('SLOT_UNAVAILABLE');
  });

  it('a unique violation stays DUPLICATE_ENTRY', () => {
    expect(raceConflict(serverError('23505', 'patients_phone_unique'))?.code).toBe('DUPLICATE_ENTRY');
  });

  it('leaves other failures alone, including exclusion constraints that are not about slots', () => {
    expect(raceConflict(serverError('23P01', 'some_other_exclusion'))).toBeNull();
    expect(raceConflict(serverError('23P01'))).toBeNull();
    expect(raceConflict(serverError('23514', 'appointments_period_check'))).toBeNull();
    expect(raceConflict(new Error('boom'))).toBeNull();
    expect(raceConflict('not an error')).toBeNull();
  });
});
