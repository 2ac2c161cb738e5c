import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Payment } from '../../../src/domain/billing/payment.js';
import {
  mayMove,
  PAYMENT_STATES,
  rankOf,
  type PaymentState,
} from '../../../src/domain/billing/payment-status.js';

const now = new Date('2026-12-01T10:00:00Z');
const open = () => Payment.open({ appointmentId: 7, patientId: 3, centreId: 1, amountPaise: 150_000 }, now);

type Command =
  | { kind: 'capture'; id: string }
  | { kind: 'fail' }
  | { kind: 'startRefund' }
  | { kind: 'accepted'; id: string }
  | { kind: 'processed'; id: string };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('capture' as const), id: fc.constantFrom('pay_A', 'pay_B') }),
  fc.constant({ kind: 'fail' as const }),
  fc.constant({ kind: 'startRefund' as const }),
  fc.record({ kind: fc.constant('accepted' as const), id: fc.constantFrom('rfnd_A', 'rfnd_B') }),
  fc.record({ kind: fc.constant('processed' as const), id: fc.constantFrom('rfnd_A', 'rfnd_B') }),
);

function apply(p: Payment, c: Command): void {
  if (c.kind === 'capture') p.capture({ providerPaymentId: c.id, amountPaise: 150_000, method: 'upi' }, now);
  else if (c.kind === 'fail') p.fail('declined', now);
  else if (c.kind === 'startRefund') p.startRefund('CANCELLED', now);
  else if (c.kind === 'accepted') p.refundAccepted(c.id, now);
  else p.refundProcessed(c.id, now);
}

describe('Payment', () => {
  it('never moves backwards, and only along the transition table, whatever events arrive', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        const p = open();
        for (const c of commands) {
          const before: PaymentState = p.status;
          apply(p, c);
          expect(rankOf(p.status)).toBeGreaterThanOrEqual(rankOf(before));
          if (p.status !== before) expect(mayMove(before, p.status)).toBe(true);
        }
      }),
    );
  });

  it('records each fact once however often it is told: one capture, at most one refund', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 30 }), (commands) => {
        const p = open();
        for (const c of commands) apply(p, c);
        const events = p.pullEvents();
        expect(events.filter((e) => e.type === 'PaymentCaptured').length).toBeLessThanOrEqual(1);
        expect(events.filter((e) => e.type === 'PaymentRefunded').length).toBeLessThanOrEqual(1);
        if (p.status !== 'PENDING' && p.status !== 'FAILED' && p.providerPaymentId) {
          expect(events.filter((e) => e.type === 'PaymentCaptured')).toHaveLength(1);
        }
      }),
    );
  });

  it('ignores a late payment.failed after the capture', () => {
    const p = open();
    expect(p.capture({ providerPaymentId: 'pay_A', amountPaise: 150_000, method: null }, now)).toBe(
      'captured',
    );
    expect(p.fail('late news', now)).toBe(false);
    expect(p.status).toBe('PAID');
    expect(p.capture({ providerPaymentId: 'pay_A', amountPaise: 150_000, method: 'upi' }, now)).toBe(
      'repeated',
    );
    expect(p.method).toBe('upi');
    expect(p.capture({ providerPaymentId: 'pay_B', amountPaise: 150_000, method: 'card' }, now)).toBe(
      'ignored',
    );
    expect(p.pullEvents()).toEqual([
      { type: 'PaymentCaptured', appointmentId: 7, providerPaymentId: 'pay_A', amountPaise: 150_000 },
    ]);
  });

  it('lets a failed attempt be followed by a successful one', () => {
    const p = open();
    expect(p.fail('declined', now)).toBe(true);
    expect(p.capture({ providerPaymentId: 'pay_B', amountPaise: 150_000, method: 'card' }, now)).toBe(
      'captured',
    );
    expect(p).toMatchObject({ status: 'PAID', failureReason: null, paidAt: now });
  });

  it('tells of a refund once, whether our request or the webhook lands first', () => {
    const ours = open();
    ours.capture({ providerPaymentId: 'pay_A', amountPaise: 150_000, method: null }, now);
    ours.startRefund('SLOT_TAKEN', now);
    ours.refundAccepted('rfnd_1', now);
    ours.refundProcessed('rfnd_1', now);
    const theirs = open();
    theirs.capture({ providerPaymentId: 'pay_A', amountPaise: 150_000, method: null }, now);
    theirs.startRefund('SLOT_TAKEN', now);
    theirs.refundProcessed('rfnd_1', now);
    theirs.refundAccepted('rfnd_1', now);
    for (const p of [ours, theirs]) {
      expect(p.status).toBe('REFUNDED');
      expect(p.pullEvents().filter((e) => e.type === 'PaymentRefunded')).toEqual([
        {
          type: 'PaymentRefunded',
          appointmentId: 7,
          refundId: 'rfnd_1',
          amountPaise: 150_000,
          reason: 'SLOT_TAKEN',
        },
      ]);
    }
  });

  it('refuses to open a payment for nothing', () => {
    expect(() => Payment.open({ appointmentId: 1, patientId: 1, centreId: 1, amountPaise: 0 }, now)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_ERROR' }),
    );
  });

  it('declares an upward transition table', () => {
    for (const from of PAYMENT_STATES) {
      for (const to of PAYMENT_STATES)
        if (mayMove(from, to)) expect(rankOf(to)).toBeGreaterThan(rankOf(from));
    }
  });
});
