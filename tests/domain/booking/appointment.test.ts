import { describe, expect, it } from 'vitest';
import { Appointment, type BookingRequest } from '../../../src/domain/booking/appointment.js';
import {
  InvalidStateTransitionError,
  PAYMENT_TIMEOUT,
  TRANSITIONS,
} from '../../../src/domain/booking/appointment-status.js';
import { DomainError } from '../../../src/domain/shared/domain-error.js';

const t0 = new Date('2026-03-01T04:30:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const START = 48 * 60;
const request = (overrides: Partial<BookingRequest> = {}): BookingRequest => ({
  patientId: 9,
  clinicianId: 5,
  centreId: 1,
  startAt: at(START),
  endAt: at(START + 60),
  sessionType: 'ONLINE',
  feePaise: 150_000,
  feeSetBy: null,
  holdExpiresAt: at(15),
  notes: 'First consultation',
  createdBy: 'patient:9',
  ...overrides,
});
const book = (overrides: Partial<BookingRequest> = {}) => Appointment.book(request(overrides), t0);

function codeOf(work: () => void): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'NOT A DOMAIN ERROR';
  }
}

describe('Appointment.book', () => {
  it('holds the slot as PENDING until the hold expires, never past the start', () => {
    const a = book({ holdExpiresAt: at(START + 600) });
    expect(a).toMatchObject({ status: 'PENDING', paymentStatus: 'PENDING', history: [], createdAt: t0 });
    expect(a.holdExpiresAt).toEqual(at(START));
    expect(book().holdExpiresAt).toEqual(at(15));
  });

  it('confirms a zero fee at once with payment WAIVED and no hold', () => {
    const a = book({ feePaise: 0, feeSetBy: 3, createdBy: 'staff:3' });
    expect(a).toMatchObject({
      status: 'CONFIRMED',
      paymentStatus: 'WAIVED',
      holdExpiresAt: null,
      feeSetBy: 3,
    });
  });

  it('refuses empty or past times, fractional or negative fees and a hold already over', () => {
    const bad: Partial<BookingRequest>[] = [
      { endAt: at(START) },
      { startAt: t0, endAt: at(60) },
      { feePaise: -1 },
      { feePaise: 10.5 },
      { holdExpiresAt: t0 },
    ];
    for (const overrides of bad) expect(codeOf(() => book(overrides))).toBe('VALIDATION_ERROR');
  });
});

describe('Appointment status table', () => {
  it('is exactly the one the issue declares', () => {
    expect(TRANSITIONS).toEqual({
      PENDING: ['CONFIRMED', 'CANCELLED'],
      CONFIRMED: ['COMPLETED', 'CANCELLED', 'NO_SHOW'],
      COMPLETED: [],
      CANCELLED: [],
      NO_SHOW: [],
    });
  });

  it('confirms a pending appointment once and records it in the history', () => {
    const a = book();
    a.confirm('staff:2', at(5));
    expect(a).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'PENDING', holdExpiresAt: null });
    expect(a.history).toEqual([
      { kind: 'STATUS', from: 'PENDING', to: 'CONFIRMED', at: at(5).toISOString(), by: 'staff:2' },
    ]);
    const error = (() => {
      try {
        a.confirm('staff:2', at(6));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidStateTransitionError);
    expect(error).toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
      details: { from: 'CONFIRMED', to: 'CONFIRMED' },
    });
  });

  it('completes or marks a no-show only a confirmed session that has started', () => {
    const pending = book();
    expect(codeOf(() => pending.complete('staff:2', at(START + 5)))).toBe('INVALID_STATE_TRANSITION');
    const a = book({ feePaise: 0 });
    expect(codeOf(() => a.complete('staff:2', at(START - 1)))).toBe('INVALID_STATE_TRANSITION');
    expect(codeOf(() => a.markNoShow('staff:2', at(START - 1)))).toBe('INVALID_STATE_TRANSITION');
    a.markNoShow('staff:2', at(START));
    expect(a.status).toBe('NO_SHOW');
    expect(codeOf(() => a.complete('staff:2', at(START + 10)))).toBe('INVALID_STATE_TRANSITION');
    const b = book({ feePaise: 0 });
    b.complete('staff:2', at(START + 60));
    expect(b.status).toBe('COMPLETED');
    expect(codeOf(() => b.cancel('late', 'staff:2', at(START + 61)))).toBe('INVALID_STATE_TRANSITION');
  });
});

describe('Appointment cancellation', () => {
  it('records reason, actor and time; staff may cancel until the start', () => {
    const a = book({ feePaise: 0 });
    expect(codeOf(() => a.cancel('too late', 'staff:4', at(START)))).toBe('INVALID_STATE_TRANSITION');
    a.cancel('Clinician unwell', 'staff:4', at(START - 1));
    expect(a).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'Clinician unwell',
      cancelledBy: 'staff:4',
      cancelledAt: at(START - 1),
    });
    expect(a.history.at(-1)).toMatchObject({ kind: 'STATUS', to: 'CANCELLED', reason: 'Clinician unwell' });
    expect(codeOf(() => a.cancel(null, 'staff:4', at(10)))).toBe('INVALID_STATE_TRANSITION');
  });

  it('keeps PAYMENT_TIMEOUT for the system', () => {
    expect(codeOf(() => book().cancel(PAYMENT_TIMEOUT, 'staff:4', at(1)))).toBe('VALIDATION_ERROR');
  });

  it('lets the patient cancel their own appointment only until the cut-off', () => {
    const a = book();
    expect(codeOf(() => a.cancelByPatient(null, 10, at(1), 24))).toBe('NOT_FOUND');
    expect(codeOf(() => a.cancelByPatient(null, 9, at(START - 24 * 60 + 1), 24))).toBe(
      'INVALID_STATE_TRANSITION',
    );
    a.cancelByPatient('Unable to attend', 9, at(START - 24 * 60), 24);
    expect(a).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'patient:9',
      cancellationReason: 'Unable to attend',
    });
  });

  it('times out a pending hold only once it has expired', () => {
    const a = book();
    expect(a.holdsSlot(at(14))).toBe(true);
    expect(codeOf(() => a.expireHold(at(14)))).toBe('INVALID_STATE_TRANSITION');
    expect(a.holdsSlot(at(15))).toBe(false);
    a.expireHold(at(15));
    expect(a).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: PAYMENT_TIMEOUT,
      cancelledBy: 'system',
    });
    const confirmed = book({ feePaise: 0 });
    expect(codeOf(() => confirmed.expireHold(at(60)))).toBe('INVALID_STATE_TRANSITION');
  });
});

describe('Appointment rescheduling and payment', () => {
  it('moves a future appointment, keeping the previous times in the history', () => {
    const a = book({ holdExpiresAt: at(START) });
    a.reschedule(at(120), at(180), 'staff:2', at(10));
    expect(a).toMatchObject({ startAt: at(120), endAt: at(180), holdExpiresAt: at(120), updatedAt: at(10) });
    expect(a.history).toEqual([
      {
        kind: 'RESCHEDULED',
        from: { startAt: at(START).toISOString(), endAt: at(START + 60).toISOString() },
        to: { startAt: at(120).toISOString(), endAt: at(180).toISOString() },
        at: at(10).toISOString(),
        by: 'staff:2',
      },
    ]);
    expect(codeOf(() => a.reschedule(at(5), at(65), 'staff:2', at(10)))).toBe('VALIDATION_ERROR');
    expect(codeOf(() => a.reschedule(at(300), at(360), 'staff:2', at(120)))).toBe('INVALID_STATE_TRANSITION');
    a.cancel(null, 'staff:2', at(11));
    expect(codeOf(() => a.reschedule(at(300), at(360), 'staff:2', at(12)))).toBe('INVALID_STATE_TRANSITION');
  });

  it('a payment confirms a pending appointment; a second one or one after cancelling is refused', () => {
    const a = book();
    a.markPaid(at(3));
    expect(a).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'PAID', holdExpiresAt: null });
    expect(codeOf(() => a.markPaid(at(4)))).toBe('INVALID_STATE_TRANSITION');
    const atCentre = book();
    atCentre.confirm('staff:2', at(1));
    atCentre.markPaid(at(2));
    expect(atCentre).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'PAID' });
    const cancelled = book();
    cancelled.cancel(null, 'staff:2', at(1));
    expect(codeOf(() => cancelled.markPaid(at(2)))).toBe('INVALID_STATE_TRANSITION');
    expect(codeOf(() => book({ feePaise: 0 }).markPaid(at(2)))).toBe('INVALID_STATE_TRANSITION');
  });

  it('reinstates only a PAYMENT_TIMEOUT cancellation, before the start', () => {
    const byStaff = book();
    byStaff.cancel('changed mind', 'staff:2', at(1));
    expect(codeOf(() => byStaff.reinstateAfterLatePayment('system', at(2)))).toBe('INVALID_STATE_TRANSITION');
    const late = book();
    late.expireHold(at(20));
    expect(codeOf(() => late.reinstateAfterLatePayment('system', at(START)))).toBe(
      'INVALID_STATE_TRANSITION',
    );
    late.reinstateAfterLatePayment('system', at(25));
    expect(late).toMatchObject({
      status: 'CONFIRMED',
      paymentStatus: 'PAID',
      cancellationReason: null,
      cancelledAt: null,
      cancelledBy: null,
    });
    expect(late.history.at(-1)).toEqual({
      kind: 'REINSTATED',
      from: 'CANCELLED',
      to: 'CONFIRMED',
      at: at(25).toISOString(),
      by: 'system',
      cancelledAt: at(20).toISOString(),
      cancelledBy: 'system',
    });
  });

  it('overlaps half-open intervals', () => {
    const a = book();
    expect(a.overlaps(at(START + 59), at(START + 120))).toBe(true);
    expect(a.overlaps(at(START + 60), at(START + 120))).toBe(false);
    expect(a.overlaps(at(START - 60), at(START))).toBe(false);
  });
});
