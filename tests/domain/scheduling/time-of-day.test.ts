import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../../src/domain/shared/domain-error.js';
import { TimeOfDay } from '../../../src/domain/scheduling/time-of-day.js';

describe('TimeOfDay', () => {
  it('parses HH:MM and HH:MM:SS into minutes since midnight and prints HH:MM:SS', () => {
    expect(TimeOfDay.parse('09:30').minutes).toBe(570);
    expect(TimeOfDay.parse('09:30:00').minutes).toBe(570);
    expect(TimeOfDay.parse('00:00').toString()).toBe('00:00:00');
    expect(TimeOfDay.parse('23:59:00').toString()).toBe('23:59:00');
  });

  it('refuses non-zero seconds, out-of-range values and other shapes', () => {
    for (const text of [
      '09:30:15',
      '24:00',
      '24:00:00',
      '23:60',
      '12:00:60',
      '9:30',
      '09:30:0',
      'noon',
      '',
    ]) {
      expect(() => TimeOfDay.parse(text, 'startTime'), text).toThrow(InvalidValueError);
    }
    expect(() => TimeOfDay.parse('25:00', 'startTime')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ startTime: expect.any(String) }) }),
    );
  });

  it('offers 24:00:00 only as endOfDay', () => {
    expect(TimeOfDay.endOfDay.minutes).toBe(1440);
    expect(TimeOfDay.endOfDay.toString()).toBe('24:00:00');
    expect(TimeOfDay.endOfDay.compare(TimeOfDay.parse('23:59'))).toBeGreaterThan(0);
    expect(() => TimeOfDay.fromMinutes(1440)).toThrow(InvalidValueError);
  });

  it('builds from whole minutes of the day', () => {
    expect(TimeOfDay.fromMinutes(0).toString()).toBe('00:00:00');
    expect(TimeOfDay.fromMinutes(1439).toString()).toBe('23:59:00');
    expect(TimeOfDay.fromMinutes(14 * 60 + 5).toString()).toBe('14:05:00');
    for (const bad of [-1, 1.5, Number.NaN])
      expect(() => TimeOfDay.fromMinutes(bad)).toThrow(InvalidValueError);
  });

  it('compares by minutes', () => {
    expect(TimeOfDay.parse('09:00').compare(TimeOfDay.parse('10:00'))).toBeLessThan(0);
    expect(TimeOfDay.parse('10:00').compare(TimeOfDay.parse('10:00:00'))).toBe(0);
  });
});
