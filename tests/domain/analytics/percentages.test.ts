import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wholePercentages } from '../../../src/domain/analytics/percentages.js';

describe('whole percentages (largest remainder)', () => {
  it('splits the spec example exactly and rounds thirds to 34/33/33', () => {
    expect(wholePercentages([450, 350, 200])).toEqual([45, 35, 20]);
    expect(wholePercentages([1, 1, 1])).toEqual([34, 33, 33]);
    expect(wholePercentages([2, 1])).toEqual([67, 33]);
    expect(wholePercentages([1, 1, 1, 1, 1, 1])).toEqual([17, 17, 17, 17, 16, 16]);
  });

  it('gives zeros when there is nothing to share', () => {
    expect(wholePercentages([0, 0])).toEqual([0, 0]);
    expect(wholePercentages([])).toEqual([]);
  });

  it('always adds up to exactly 100, each within one point of its exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 8 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const shares = wholePercentages(counts);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
        shares.forEach((share, i) => {
          const exact = (counts[i]! * 100) / total;
          expect(Number.isInteger(share)).toBe(true);
          expect(share).toBeGreaterThanOrEqual(Math.floor(exact));
          expect(share).toBeLessThanOrEqual(Math.ceil(exact));
        });
      }),
    );
  });

  it('never gives a larger count a smaller percentage', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000 }), { minLength: 2, maxLength: 6 }), (counts) => {
        fc.pre(counts.some((n) => n > 0));
        const shares = wholePercentages(counts);
        for (let i = 0; i < counts.length; i++)
          for (let j = 0; j < counts.length; j++)
            if (counts[i]! > counts[j]!) expect(shares[i]).toBeGreaterThanOrEqual(shares[j]!);
      }),
    );
  });
});
