import { describe, expect, it } from 'vitest';
import { roundRobin, shuffled, workingDates } from '../../bench/lib/slot-handout.js';

describe('bench slot handout', () => {
  it('hands slots out one clinician after another', () => {
    expect(roundRobin([['a1', 'a2', 'a3'], ['b1'], [], ['c1', 'c2']])).toEqual([
      'a1',
      'b1',
      'c1',
      'a2',
      'c2',
      'a3',
    ]);
    expect(roundRobin([])).toEqual([]);
  });

  it("names dates in the centre's zone and leaves Sundays out", () => {
    // Saturday 20:00 UTC is already Sunday 01:30 in Kolkata.
    const now = new Date('2026-11-28T20:00:00Z');
    expect(workingDates('Asia/Kolkata', 0, 3, now)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
    expect(workingDates('UTC', 0, 2, now)).toEqual(['2026-11-28', '2026-11-30']);
    expect(workingDates('Asia/Kolkata', 1, 1, new Date('2026-12-31T12:00:00Z'))).toEqual(['2027-01-01']);
  });

  it('shuffles reproducibly, keeping every item once', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const once = shuffled(items, 7);
    expect(shuffled(items, 7)).toEqual(once);
    expect(once).not.toEqual(items);
    expect([...once].sort((a, b) => a - b)).toEqual(items);
  });
});
