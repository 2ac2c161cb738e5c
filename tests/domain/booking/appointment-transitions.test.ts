import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Appointment } from '../../../src/domain/booking/appointment.js';
import {
  PAYMENT_TIMEOUT,
  type AppointmentStatus,
  type PaymentStatus,
} from '../../../src/domain/booking/appointment-status.js';
import { DomainError } from '../../../src/domain/shared/domain-error.js';

// Written out again here, not imported: the property checks the code against the table.
const DECLARED: Record<AppointmentStatus, AppointmentStatus[]> = {
  PENDING: ['CONFIRMED', 'CANCELLED'],
  CONFIRMED: ['COMPLETED', 'CANCELLED', 'NO_SHOW'],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
};
const TERMINAL: AppointmentStatus[] = ['COMPLETED', 'CANCELLED', 'NO_SHOW'];
// The fee's own table; REFUNDED from a fee still due only for money captured after a cancellation.
const PAYMENT_DECLARED: Record<PaymentStatus, PaymentStatus[]> = {
  PENDING: ['PAID', 'FAILED', 'REFUNDED'],
  FAILED: ['PAID', 'REFUNDED'],
  PAID: ['REFUNDED'],
  REFUNDED: [],
  WAIVED: [],
};
const PAYMENT_COMMANDS = ['markPaid', 'markPaymentFailed', 'markRefunded', 'reinstate'];

const t0 = new Date('2026-03-01T04:30:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const START = 48 * 60;

const minute = fc.integer({ min: 0, max: 4 * 24 * 60 });
const command = fc.oneof(
  fc.record({ kind: fc.constantFrom('confirm', 'complete', 'markNoShow', 'cancel'), minute }),
  fc.record({
    kind: fc.constantFrom('expireHold', 'reinstate', 'markPaid', 'markPaymentFailed', 'markRefunded'),
    minute,
  }),
  fc.record({
    kind: fc.constant('cancelByPatient'),
    minute,
    patientId: fc.constantFrom(9, 10),
    cutoffHours: fc.integer({ min: 0, max: 72 }),
  }),
  fc.record({
    kind: fc.constant('reschedule'),
    minute,
    newStart: minute,
    length: fc.integer({ min: -30, max: 90 }),
  }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

function apply(a: Appointment, c: Command): void {
  const now = at(c.minute);
  if (c.kind === 'reschedule') return a.reschedule(at(c.newStart), at(c.newStart + c.length), 'staff:2', now);
  if (c.kind === 'cancelByPatient')
    return a.cancelByPatient('patient reason', c.patientId, now, c.cutoffHours);
  const simple: Record<typeof c.kind, () => void> = {
    confirm: () => a.confirm('staff:2', now),
    complete: () => a.complete('staff:2', now),
    markNoShow: () => a.markNoShow('staff:2', now),
    cancel: () => a.cancel('staff reason', 'staff:2', now),
    expireHold: () => a.expireHold(now),
    reinstate: () => a.reinstateAfterLatePayment('system', now),
    markPaid: () => a.markPaid(now),
    markPaymentFailed: () => a.markPaymentFailed(now),
    markRefunded: () => a.markRefunded(now),
  };
  simple[c.kind]();
}

const snapshot = (a: Appointment) => structuredClone({ ...a });

describe('Appointment state machine (property)', () => {
  it('no sequence of commands at any times makes an undeclared change; refusals change nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 150_000), fc.array(command, { maxLength: 25 }), (feePaise, commands) => {
        const a = Appointment.book(
          {
            patientId: 9,
            clinicianId: 5,
            centreId: 1,
            startAt: at(START),
            endAt: at(START + 60),
            sessionType: 'IN_PERSON',
            feePaise,
            feeSetBy: null,
            holdExpiresAt: at(15),
            notes: null,
            createdBy: 'patient:9',
          },
          t0,
        );
        for (const c of commands) {
          const before = snapshot(a);
          try {
            apply(a, c);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect(snapshot(a)).toEqual(before);
            continue;
          }
          const [from, to] = [before.status, a.status];
          if (c.kind === 'reinstate') {
            expect([from, before.cancellationReason, to]).toEqual([
              'CANCELLED',
              PAYMENT_TIMEOUT,
              'CONFIRMED',
            ]);
          } else if (from !== to) {
            expect(DECLARED[from]).toContain(to);
          } else {
            expect(TERMINAL.includes(from) && !PAYMENT_COMMANDS.includes(c.kind)).toBe(false);
          }
          if (c.kind === 'complete' || c.kind === 'markNoShow')
            if (c.kind === 'complete' || c.kind === 'markNoShow') {
              expect(at(c.minute).getTime()).toBeGreaterThanOrEqual(before.startAt.getTime());
            }
          const [paidFrom, paidTo] = [before.paymentStatus, a.paymentStatus];
          if (paidFrom !== paidTo) {
            expect(PAYMENT_COMMANDS).toContain(c.kind);
            expect(PAYMENT_DECLARED[paidFrom]).toContain(paidTo);
            if (paidTo === 'REFUNDED' && paidFrom !== 'PAID') expect(a.status).toBe('CANCELLED');
          }
          if (a.status === 'PENDING')
            expect(a.holdExpiresAt!.getTime()).toBeLessThanOrEqual(a.startAt.getTime());
          expect(a.status === 'CANCELLED').toBe(a.cancelledAt !== null);
          expect(a.endAt.getTime()).toBeGreaterThan(a.startAt.getTime());
        }
        const changes = a.history.filter((entry) => entry.kind !== 'RESCHEDULED');
        changes.forEach((entry, i) => {
          expect(entry.from).toBe(i === 0 ? (feePaise === 0 ? 'CONFIRMED' : 'PENDING') : changes[i - 1]!.to);
        });
        expect(changes.at(-1)?.to ?? a.status).toBe(a.status);
      }),
      { numRuns: 500 },
    );
  });
});
