import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../../src/domain/shared/domain-error.js';
import { LocalDate } from '../../../src/domain/scheduling/local-date.js';
import {
  findOpenSlot,
  openSlots,
  slotsOn,
  type SlotQuery,
} from '../../../src/domain/scheduling/open-slots.js';
import { WeeklyAvailability } from '../../../src/domain/scheduling/weekly-availability.js';
import { exception, monday, rule } from './arbitraries.js';

const week = WeeklyAvailability.of([rule('MONDAY', '09:00', '13:00'), rule('MONDAY', '14:00', '17:00')]);
const query = (over: Partial<SlotQuery> = {}): SlotQuery => ({
  date: monday,
  zone: 'Asia/Kolkata',
  durationMinutes: 60,
  availability: week,
  exceptions: [],
  centreId: null,
  taken: [],
  now: new Date('2026-03-01T00:00:00Z'),
  noticeMinutes: 0,
  horizonDays: 60,
  ...over,
});
const times = (slots: { time: { toString(): string } }[]) => slots.map((s) => s.time.toString().slice(0, 5));
const ist = (wall: string) => new Date(`2026-03-02T${wall}:00+05:30`);
const taken = (from: string, to: string) => ({ start: ist(from), end: ist(to) });

describe('slotsOn / openSlots', () => {
  it('cuts each window into slots of the duration; the break is a gap', () => {
    const slots = openSlots(query());
    expect(times(slots)).toEqual(['09:00', '10:00', '11:00', '12:00', '14:00', '15:00', '16:00']);
    expect(slots[0]).toEqual({
      start: ist('09:00'),
      end: ist('10:00'),
      time: slots[0]!.time,
      available: true,
    });
  });

  it('keeps to the grid of the window and never runs past its end', () => {
    // 12:00 + 45 min ends 12:45 (12:45 would end past 13:00); 16:15 ends exactly at 17:00.
    expect(times(openSlots(query({ durationMinutes: 45 })))).toEqual([
      '09:00',
      '09:45',
      '10:30',
      '11:15',
      '12:00',
      '14:00',
      '14:45',
      '15:30',
      '16:15',
    ]);
  });

  it('marks taken slots unavailable, with [start, end) semantics', () => {
    const q = query({ taken: [taken('10:30', '10:45'), taken('11:00', '11:00'), taken('13:00', '14:00')] });
    const all = slotsOn(q);
    expect(all.filter((s) => !s.available).map((s) => s.time.toString())).toEqual(['10:00:00']);
    expect(times(openSlots(q))).toEqual(['09:00', '11:00', '12:00', '14:00', '15:00', '16:00']);
  });

  it('refuses slots before now + notice, and at or past the horizon', () => {
    const notice = query({ now: ist('09:10'), noticeMinutes: 60 });
    expect(times(openSlots(notice))).toEqual(['11:00', '12:00', '14:00', '15:00', '16:00']);
    expect(times(openSlots(query({ now: ist('10:00'), noticeMinutes: 0 })))[0]).toBe('10:00');
    // The horizon ends 60 days after now, at 11:00 local on the date asked for.
    const horizon = query({ now: new Date('2026-01-01T05:30:00Z'), horizonDays: 60 });
    expect(times(openSlots(horizon))).toEqual(['09:00', '10:00']);
    expect(slotsOn(horizon)).toHaveLength(7);
  });

  it('has nothing on a day without rules', () => {
    expect(slotsOn(query({ date: monday.addDays(1) }))).toEqual([]);
  });

  it('accepts 5 to 480 minutes in steps of 5 only', () => {
    for (const bad of [0, 3, 7, 12.5, 485, 490, -60]) {
      expect(() => slotsOn(query({ durationMinutes: bad })), String(bad)).toThrow(
        expect.objectContaining({ details: { durationMinutes: expect.any(String) } }),
      );
    }
    expect(slotsOn(query({ durationMinutes: 5 }))).toHaveLength((4 * 60 + 3 * 60) / 5);
    expect(slotsOn(query({ durationMinutes: 480 }))).toEqual([]);
  });

  it('refuses an unknown time zone as a validation error', () => {
    expect(() => slotsOn(query({ zone: 'Mars/Olympus' }))).toThrow(InvalidValueError);
  });

  it('gives each start once when windows of two centres overlap', () => {
    const twoCentres = WeeklyAvailability.of([
      rule('MONDAY', '09:00', '11:00', { centreId: 1 }),
      rule('MONDAY', '10:00', '12:00', { centreId: 2 }),
    ]);
    expect(times(slotsOn(query({ availability: twoCentres })))).toEqual(['09:00', '10:00', '11:00']);
    expect(times(slotsOn(query({ availability: twoCentres, centreId: 2 })))).toEqual(['10:00', '11:00']);
  });
});

describe('slots and date exceptions', () => {
  const atCentres = WeeklyAvailability.of([
    rule('MONDAY', '09:00', '12:00', { centreId: 1 }),
    rule('MONDAY', '14:00', '16:00', { centreId: 2 }),
  ]);

  it('a day off removes every slot of that date only', () => {
    const q = query({ exceptions: [exception({ reason: 'Holiday' })] });
    expect(slotsOn(q)).toEqual([]);
    expect(slotsOn({ ...q, date: monday.addDays(7) })).toHaveLength(7);
  });

  it('a centre-specific day off leaves the other centres open', () => {
    const q = query({ availability: atCentres, exceptions: [exception({ centreId: 1 })] });
    expect(slotsOn({ ...q, centreId: 1 })).toEqual([]);
    expect(times(slotsOn({ ...q, centreId: 2 }))).toEqual(['14:00', '15:00']);
  });

  it('a blocked interval removes the time and the grid restarts after it', () => {
    const q = query({ exceptions: [exception({ times: ['10:00', '10:30'] })] });
    expect(times(slotsOn(q))).toEqual(['09:00', '10:30', '11:30', '14:00', '15:00', '16:00']);
  });

  it('special hours replace the weekly windows for the matching centre', () => {
    const special = exception({ isAvailable: true, times: ['18:00', '20:00'], centreId: 2 });
    const q = query({ availability: atCentres, exceptions: [special] });
    expect(times(slotsOn({ ...q, centreId: 2 }))).toEqual(['18:00', '19:00']);
    expect(times(slotsOn({ ...q, centreId: 1 }))).toEqual(['09:00', '10:00', '11:00']);
  });
});

describe('slots across daylight-saving changes', () => {
  const nightOwl = (from: string, to: string, day: 'SUNDAY' = 'SUNDAY') =>
    WeeklyAvailability.of([rule(day, from, to)]);
  const ny = (date: string, over: Partial<SlotQuery> = {}) =>
    query({
      date: LocalDate.parse(date),
      zone: 'America/New_York',
      now: new Date('2026-01-01T00:00:00Z'),
      horizonDays: 400,
      ...over,
    });

  it('never offers a wall time that does not exist (New York, 2026-03-08)', () => {
    const hourly = slotsOn(ny('2026-03-08', { availability: nightOwl('00:00', '05:00') }));
    expect(times(hourly)).toEqual(['00:00', '03:00', '04:00']);
    const halfHourly = slotsOn(
      ny('2026-03-08', { availability: nightOwl('00:00', '04:00'), durationMinutes: 30 }),
    );
    expect(times(halfHourly)).toEqual(['00:00', '00:30', '01:00', '03:00', '03:30']);
  });

  it('a slot across the spring change lasts its real duration', () => {
    const [slot] = slotsOn(
      ny('2026-03-08', { availability: nightOwl('01:00', '03:00'), durationMinutes: 120 }),
    );
    expect(slot?.start.toISOString()).toBe('2026-03-08T06:00:00.000Z');
    expect(slot?.end.toISOString()).toBe('2026-03-08T08:00:00.000Z');
  });

  it('offers the repeated hour once, at its earlier instant (New York, 2026-11-01)', () => {
    const slots = slotsOn(ny('2026-11-01', { availability: nightOwl('00:00', '04:00') }));
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T07:00:00.000Z',
      '2026-11-01T08:00:00.000Z',
    ]);
    expect(slots.every((s) => s.end.getTime() - s.start.getTime() === 3_600_000)).toBe(true);
  });

  it('follows British Summer Time in London', () => {
    const london = WeeklyAvailability.of([rule('MONDAY', '09:00', '10:00')]);
    const at = (date: string) =>
      slotsOn(
        query({ date: LocalDate.parse(date), zone: 'Europe/London', availability: london, horizonDays: 400 }),
      )[0]?.start.toISOString();
    expect(at('2026-03-23')).toBe('2026-03-23T09:00:00.000Z');
    expect(at('2026-03-30')).toBe('2026-03-30T08:00:00.000Z');
  });
});

describe('findOpenSlot', () => {
  it('finds the open slot starting exactly at the instant, and nothing else', () => {
    const q = query({ taken: [taken('11:00', '12:00')] });
    expect(findOpenSlot(q, ist('10:00'))).toMatchObject({
      start: ist('10:00'),
      end: ist('11:00'),
      available: true,
    });
    expect(findOpenSlot(q, ist('10:30'))).toBeUndefined();
    expect(findOpenSlot(q, ist('11:00'))).toBeUndefined();
    expect(findOpenSlot(q, ist('13:00'))).toBeUndefined();
    expect(findOpenSlot(q, new Date(ist('10:00').getTime() + 7 * 86_400_000))).toBeUndefined();
  });
});
