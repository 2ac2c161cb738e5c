import { describe, expect, it } from 'vitest';
import { APPOINTMENT_STATUSES } from '../../../src/domain/booking/appointment-status.js';
import { rateAppointment } from '../../../src/domain/patient-care/appointment-rating.js';
import { DomainError } from '../../../src/domain/shared/domain-error.js';

const now = new Date('2026-03-02T10:00:00Z');
const completed = { id: 7, patientId: 3, clinicianId: 5, status: 'COMPLETED' as const };

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
  return 'no error';
};

describe('rating an appointment', () => {
  it('records the rating of a completed session with its patient and clinician', () => {
    expect(rateAppointment(completed, { rating: 4, comment: '  Very helpful  ' }, now)).toEqual({
      appointmentId: 7,
      patientId: 3,
      clinicianId: 5,
      rating: 4,
      comment: 'Very helpful',
      createdAt: now,
    });
    expect(rateAppointment(completed, { rating: 1, comment: '   ' }, now).comment).toBeNull();
  });

  it('refuses every status but COMPLETED as a state transition', () => {
    for (const status of APPOINTMENT_STATUSES.filter((s) => s !== 'COMPLETED'))
      expect(codeOf(() => rateAppointment({ ...completed, status }, { rating: 5 }, now))).toBe(
        'INVALID_STATE_TRANSITION',
      );
  });

  it('takes whole numbers from 1 to 5 and comments up to 1000 characters', () => {
    for (const rating of [0, 6, 2.5, Number.NaN])
      expect(codeOf(() => rateAppointment(completed, { rating }, now))).toBe('VALIDATION_ERROR');
    expect(codeOf(() => rateAppointment(completed, { rating: 3, comment: 'x'.repeat(1001) }, now))).toBe(
      'VALIDATION_ERROR',
    );
    expect(rateAppointment(completed, { rating: 5, comment: 'x'.repeat(1000) }, now).rating).toBe(5);
  });
});
