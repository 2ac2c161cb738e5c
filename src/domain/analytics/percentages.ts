/**
 * Whole percentages of each count in the total that add up to exactly 100 (largest remainder:
 * everyone gets the floor of their share, then the points still missing go to the largest
 * remainders, ties to the earlier entry). All zeros when there is nothing to share.
 */
export function wholePercentages(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return counts.map(() => 0);
  // Integer arithmetic throughout: n * 100 / total as quotient and remainder, no rounding drift.
  const shares = counts.map((n, index) => ({
    index,
    floor: Math.floor((n * 100) / total),
    rest: (n * 100) % total,
  }));
  let missing = 100 - shares.reduce((sum, s) => sum + s.floor, 0);
  const result = shares.map((s) => s.floor);
  const byRemainder = [...shares].sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (const share of byRemainder) {
    if (missing === 0) break;
    result[share.index]! += 1;
    missing -= 1;
  }
  return result;
}
