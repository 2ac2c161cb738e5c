import { describe, expect, it } from 'vitest';
import { Appointment, type BookingRequest } from '../../../src/domain/booking/appointment.js';

const now = new Date('2026-12-01T04:00:00.000Z');
const start = new Date('2026-12-02T04:30:00.000Z');
const request = (feePaise: number): BookingRequest => ({
  patientId: 7,
  clinicianId: 3,
  centreId: 1,
  startAt: start,
  endAt: new Date(start.getTime() + 3_600_000),
  sessionType: 'ONLINE',
  feePaise,
  feeSetBy: null,
  holdExpiresAt: new Date(now.getTime() + 15 * 60_000),
  notes: null,
  createdBy: 'patient:7',
});
const booked = (feePaise: number) => {
  const a = Appointment.book(request(feePaise), now);
  a.id = 42;
  return a;
};

describe('appointment events', () => {
  it('a paid booking records that it was booked and holds its slot until the hold ends', () => {
    expect(booked(150_000).pullEvents()).toEqual([
      {
        type: 'AppointmentBooked',
        appointmentId: 42,
        startAt: start.toISOString(),
        holdExpiresAt: '2026-12-01T04:15:00.000Z',
      },
    ]);
  });

  it('a zero fee is booked and confirmed at once; events are pulled only once', () => {
    const a = booked(0);
    expect(a.pullEvents().map((e) => e.type)).toEqual(['AppointmentBooked', 'AppointmentConfirmed']);
    expect(a.pullEvents()).toEqual([]);
  });

  it('payment confirms; a reschedule and a cancellation say from where and why', () => {
    const a = booked(150_000);
    a.pullEvents();
    a.markPaid(now);
    const later = new Date(start.getTime() + 86_400_000);
    a.reschedule(later, new Date(later.getTime() + 3_600_000), 'staff:1', now);
    a.cancel('Patient asked', 'staff:1', now);
    expect(a.pullEvents()).toEqual([
      {
        type: 'AppointmentConfirmed',
        appointmentId: 42,
        startAt: start.toISOString(),
        sessionType: 'ONLINE',
      },
      {
        type: 'AppointmentRescheduled',
        appointmentId: 42,
        previousStartAt: start.toISOString(),
        startAt: later.toISOString(),
        endAt: new Date(later.getTime() + 3_600_000).toISOString(),
        status: 'CONFIRMED',
        sessionType: 'ONLINE',
      },
      {
        type: 'AppointmentCancelled',
        appointmentId: 42,
        startAt: later.toISOString(),
        reason: 'Patient asked',
        paymentStatus: 'PAID',
        sessionType: 'ONLINE',
      },
    ]);
  });

  it('a hold that timed out and is paid late is confirmed again', () => {
    const a = booked(150_000);
    a.expireHold(new Date(now.getTime() + 20 * 60_000));
    a.reinstateAfterLatePayment('system', new Date(now.getTime() + 25 * 60_000));
    expect(a.pullEvents().map((e) => e.type)).toEqual([
      'AppointmentBooked',
      'AppointmentCancelled',
      'AppointmentConfirmed',
    ]);
  });
});
