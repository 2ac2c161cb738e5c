import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { otpMessage } from '../../../src/application/identity/otp-message.js';
import { successRate } from '../../../src/domain/messaging/notification.js';
import {
  cancellationMessage,
  confirmationMessage,
  paymentLinkMessage,
  refundMessage,
  reminderMessage,
  type AppointmentFacts,
  type ComposedMessage,
} from '../../../src/domain/messaging/templates.js';
import { LocalDate } from '../../../src/domain/scheduling/local-date.js';
import { TimeOfDay } from '../../../src/domain/scheduling/time-of-day.js';

/** Words that would tell a reader of the patient's phone what the clinic treats. */
const CLINICAL =
  /diagnos|therap|psychiatr|psycholog|counsel|mental|depress|anxi|disorder|treatment|clinical|prescri|medic|symptom|condition|speciali|illness|patient|note/i;

const facts = (over: Partial<AppointmentFacts> = {}): AppointmentFacts => ({
  patientName: 'Jane Smith',
  clinicianName: 'Dr. Arjun Rao',
  centreName: 'Mibo Bangalore',
  centreAddress: '1 MG Road',
  date: LocalDate.parse('2026-12-07'),
  time: TimeOfDay.parse('15:30'),
  sessionType: 'IN_PERSON',
  ...over,
});

function every(f: AppointmentFacts, link: string | null): ComposedMessage[] {
  return [
    confirmationMessage(f, link),
    reminderMessage(f, link),
    paymentLinkMessage(f, { url: 'https://rzp.io/i/abc123', amountPaise: 150_050 }),
    cancellationMessage(f),
    refundMessage(f, 150_000),
  ];
}

describe('message templates', () => {
  it('say who, when and where in the centre’s wall-clock time', () => {
    const confirmation = confirmationMessage(facts(), null);
    expect(confirmation.type).toBe('APPOINTMENT_CONFIRMATION');
    expect(confirmation.text).toBe(
      'Hello Jane Smith, your appointment with Dr. Arjun Rao on Monday, 7 Dec 2026 at 3:30 PM is confirmed. Venue: Mibo Bangalore, 1 MG Road.',
    );
    expect(confirmation.params).toMatchObject({
      name: 'Jane Smith',
      date: 'Monday, 7 Dec 2026',
      time: '3:30 PM',
    });
  });

  it('give an ONLINE session its Meet link, or say it will follow', () => {
    const online = facts({ sessionType: 'ONLINE' });
    expect(confirmationMessage(online, 'https://meet.google.com/abc-defg-hij').text).toContain(
      'Join online: https://meet.google.com/abc-defg-hij',
    );
    expect(confirmationMessage(online, null).text).toContain('link to join online');
    expect(confirmationMessage(online, null).text).not.toContain('Venue');
  });

  it('carry payment links and amounts in rupees', () => {
    const [, , link, , refund] = every(facts(), null);
    expect(link!.text).toContain('please pay ₹1,500.50 here: https://rzp.io/i/abc123');
    expect(refund!.text).toContain('refunded ₹1,500 ');
    expect(refund!.type).toBe('PAYMENT_REFUND');
  });

  it('greet a patient without a name discreetly', () => {
    expect(cancellationMessage(facts({ patientName: null })).text).toMatch(/^Hello there, /);
  });

  it('never contain a clinical word, whatever the names, places and times', () => {
    const safe = fc.stringMatching(/^[A-Za-z .]{1,30}$/).filter((s) => !CLINICAL.test(s));
    fc.assert(
      fc.property(
        fc.record({
          patientName: fc.option(safe, { nil: null }),
          clinicianName: fc.option(safe, { nil: null }),
          centreName: safe,
          centreAddress: safe,
          day: fc.integer({ min: 0, max: 20_000 }),
          minutes: fc.integer({ min: 0, max: 1439 }),
          online: fc.boolean(),
          link: fc.option(fc.constant('https://meet.google.com/abc-defg-hij'), { nil: null }),
        }),
        (r) => {
          const f = facts({
            patientName: r.patientName,
            clinicianName: r.clinicianName,
            centreName: r.centreName,
            centreAddress: r.centreAddress,
            date: LocalDate.fromEpochDay(r.day),
            time: TimeOfDay.fromMinutes(r.minutes),
            sessionType: r.online ? 'ONLINE' : 'IN_PERSON',
          });
          for (const message of every(f, r.link)) {
            expect(message.text).not.toMatch(CLINICAL);
            expect(Object.values(message.params).join(' ')).not.toMatch(CLINICAL);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(otpMessage('+919876543210', '123456').text).not.toMatch(CLINICAL);
  });
});

describe('success rate', () => {
  it('is sent ÷ (sent + failed) × 100 with one decimal, and 0 with nothing settled', () => {
    expect(successRate(1500, 25)).toBe(98.4);
    expect(successRate(2, 1)).toBe(66.7);
    expect(successRate(5, 0)).toBe(100);
    expect(successRate(0, 0)).toBe(0);
  });
});
