import { describe, expect, it } from 'vitest';
import { Appointment, type BookingRequest } from '../../../src/domain/booking/appointment.js';
import { InvalidStateTransitionError } from '../../../src/domain/booking/appointment-status.js';

const t0 = new Date('2026-03-01T04:30:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const START = 48 * 60;

function book(overrides: Partial<BookingRequest> = {}): Appointment {
  return Appointment.book(
    {
      patientId: 9,
      clinicianId: 5,
      centreId: 1,
      startAt: at(START),
      endAt: at(START + 60),
      sessionType: 'ONLINE',
      feePaise: 150_000,
      feeSetBy: null,
      holdExpiresAt: at(15),
      notes: null,
      createdBy: 'patient:9',
      ...overrides,
    },
    t0,
  );
}

const paid = () => {
  const a = book();
  a.markPaid(at(5));
  return a;
};
const refusal = (work: () => void) => {
  try {
    work();
  } catch (error) {
    return error;
  }
  return 'no refusal';
};

describe('Appointment.markPaymentFailed', () => {
  it('marks a due fee FAILED and keeps it due, so the patient can pay again', () => {
    const a = book();
    a.markPaymentFailed(at(3));
    expect(a).toMatchObject({ paymentStatus: 'FAILED', status: 'PENDING', updatedAt: at(3) });
    expect(a.feeDue()).toBe(true);
    a.markPaid(at(4));
    expect(a).toMatchObject({ paymentStatus: 'PAID', status: 'CONFIRMED' });
  });

  it('is idempotent: a repeated failure changes nothing, not even the time', () => {
    const a = book();
    a.markPaymentFailed(at(3));
    a.markPaymentFailed(at(9));
    expect(a).toMatchObject({ paymentStatus: 'FAILED', updatedAt: at(3) });
  });

  it('a cancelled appointment whose fee is still due may still record a failed attempt', () => {
    const a = book();
    a.cancel(null, 'staff:2', at(1));
    a.markPaymentFailed(at(2));
    expect(a).toMatchObject({ status: 'CANCELLED', paymentStatus: 'FAILED' });
  });

  it('refuses once nothing is due (paid, refunded or waived) and changes nothing', () => {
    const refunded = paid();
    refunded.markRefunded(at(8));
    for (const a of [paid(), refunded, book({ feePaise: 0 })]) {
      const before = { ...a };
      expect(refusal(() => a.markPaymentFailed(at(9)))).toBeInstanceOf(InvalidStateTransitionError);
      expect({ ...a }).toEqual(before);
      expect(a.feeDue()).toBe(false);
    }
  });
});

describe('Appointment.markRefunded', () => {
  it('refunds a paid fee, whatever became of the session', () => {
    const cancelled = paid();
    cancelled.cancel('Clinician unwell', 'staff:2', at(6));
    cancelled.markRefunded(at(7));
    expect(cancelled).toMatchObject({ status: 'CANCELLED', paymentStatus: 'REFUNDED', updatedAt: at(7) });
    const confirmed = paid();
    confirmed.markRefunded(at(7));
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', paymentStatus: 'REFUNDED' });
  });

  it('is idempotent: refund.processed after the refund job changes nothing', () => {
    const a = paid();
    a.markRefunded(at(7));
    a.markRefunded(at(30));
    expect(a).toMatchObject({ paymentStatus: 'REFUNDED', updatedAt: at(7) });
  });

  it('refunds money captured after the cancellation (billing never marked that fee paid)', () => {
    const a = book();
    a.expireHold(at(20));
    a.markRefunded(at(25));
    expect(a).toMatchObject({ status: 'CANCELLED', paymentStatus: 'REFUNDED' });
  });

  it('refuses a fee never paid on a live appointment, and a waived one', () => {
    for (const a of [book(), book({ feePaise: 0 })]) {
      const before = { ...a };
      expect(refusal(() => a.markRefunded(at(9)))).toMatchObject({
        code: 'INVALID_STATE_TRANSITION',
        details: { from: before.paymentStatus, to: 'REFUNDED' },
      });
      expect({ ...a }).toEqual(before);
    }
  });

  it('a refunded fee cannot be paid again', () => {
    const a = paid();
    a.markRefunded(at(7));
    expect(refusal(() => a.markPaid(at(8)))).toBeInstanceOf(InvalidStateTransitionError);
  });

  it('a timed-out appointment whose late payment was refunded cannot be reinstated', () => {
    // Found by the state-machine property: expireHold → markRefunded → reinstate made it PAID again.
    const a = book();
    a.expireHold(at(20));
    a.markRefunded(at(21));
    const before = { ...a };
    expect(refusal(() => a.reinstateAfterLatePayment('system', at(22)))).toMatchObject({
      code: 'INVALID_STATE_TRANSITION',
    });
    expect({ ...a }).toEqual(before);
  });
});
