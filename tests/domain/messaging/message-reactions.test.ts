import { describe, expect, it } from 'vitest';
import {
  messageReactions,
  offsetLabel,
} from '../../../src/application/messaging/reactions/message-reactions.js';
import type { DomainEvent } from '../../../src/application/shared/reactions.js';

const now = new Date('2026-12-01T00:00:00.000Z');
const reactions = messageReactions({ now: () => now }, [86_400, 3600]);
const jobsFor = (event: DomainEvent) =>
  reactions.filter((r) => r.on === event.type).flatMap((r) => r.jobsFor(event));

describe('what messaging schedules when appointments and payments change', () => {
  it('a confirmation at once and one reminder per offset before the start, keyed by the start', () => {
    const jobs = jobsFor({
      type: 'AppointmentConfirmed',
      appointmentId: 42,
      startAt: '2026-12-03T04:30:00+00:00',
      sessionType: 'ONLINE',
    } as DomainEvent);
    expect(jobs.map((j) => [j.name, j.key, j.runAt?.toISOString()])).toEqual([
      ['messaging.confirmation', 'messaging.confirmation:42:2026-12-03T04:30:00.000Z', undefined],
      [
        'messaging.reminder',
        'messaging.reminder:42:24h:2026-12-03T04:30:00.000Z',
        '2026-12-02T04:30:00.000Z',
      ],
      ['messaging.reminder', 'messaging.reminder:42:1h:2026-12-03T04:30:00.000Z', '2026-12-03T03:30:00.000Z'],
    ]);
  });

  it('skips reminders whose time has already passed', () => {
    const jobs = jobsFor({
      type: 'AppointmentConfirmed',
      appointmentId: 7,
      startAt: '2026-12-01T05:00:00.000Z',
      sessionType: 'IN_PERSON',
    } as DomainEvent);
    expect(jobs.map((j) => j.key)).toEqual([
      'messaging.confirmation:7:2026-12-01T05:00:00.000Z',
      'messaging.reminder:7:1h:2026-12-01T05:00:00.000Z',
    ]);
  });

  it('a confirmed reschedule gets jobs for its new start; a pending one gets none', () => {
    const moved = {
      type: 'AppointmentRescheduled',
      appointmentId: 9,
      previousStartAt: '2026-12-03T04:30:00.000Z',
      startAt: '2026-12-04T04:30:00.000Z',
      endAt: '2026-12-04T05:30:00.000Z',
      sessionType: 'ONLINE',
    };
    expect(jobsFor({ ...moved, status: 'CONFIRMED' } as DomainEvent).map((j) => j.key)).toEqual([
      'messaging.confirmation:9:2026-12-04T04:30:00.000Z',
      'messaging.reminder:9:24h:2026-12-04T04:30:00.000Z',
      'messaging.reminder:9:1h:2026-12-04T04:30:00.000Z',
    ]);
    expect(jobsFor({ ...moved, status: 'PENDING' } as DomainEvent)).toEqual([]);
  });

  it('tells of a cancellation, except a hold that ran out unpaid', () => {
    const cancelled = { type: 'AppointmentCancelled', appointmentId: 5, startAt: now.toISOString() };
    expect(jobsFor({ ...cancelled, reason: 'Patient requested' } as DomainEvent).map((j) => j.key)).toEqual([
      'messaging.cancellation:5',
    ]);
    expect(jobsFor({ ...cancelled, reason: 'PAYMENT_TIMEOUT' } as DomainEvent)).toEqual([]);
  });

  it('sends payment links and refunds, one job per link and per refund', () => {
    const link = jobsFor({
      type: 'PaymentLinkCreated',
      appointmentId: 3,
      linkId: 'plink_1',
      shortUrl: 'https://rzp.io/i/x',
      amountPaise: 100,
      expiresAt: now.toISOString(),
    } as DomainEvent);
    expect(link).toEqual([
      {
        name: 'messaging.payment-link',
        key: 'messaging.payment-link:3:plink_1',
        payload: { appointmentId: 3, shortUrl: 'https://rzp.io/i/x', amountPaise: 100 },
      },
    ]);
    const refund = jobsFor({
      type: 'PaymentRefunded',
      appointmentId: 3,
      refundId: 'rfnd_1',
      amountPaise: 100,
      reason: 'CANCELLED',
    } as DomainEvent);
    expect(refund.map((j) => j.key)).toEqual(['messaging.refund:3:rfnd_1']);
  });

  it('labels offsets as operators write them', () => {
    expect([86_400, 3600, 900, 45].map(offsetLabel)).toEqual(['24h', '1h', '15m', '45s']);
  });
});
