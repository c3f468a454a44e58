/**
 * The median of values sorted ascending: the middle one, or the mean of the two middle
 * ones when their number is even. Null for none.
 *
 * @example median([1, 2, 4, 10]) // 3
 */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The p-th percentile of values sorted ascending by the nearest-rank method: the value at
 * rank ⌈p × n⌉ (1-based), i.e. the smallest value with at least a share p of the values at
 * or below it. It is always one of the values, which keeps it checkable by hand. Null for none.
 *
 * @param p in (0, 1].
 * @example nearestRankPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9) // 10 (rank ⌈9.9⌉ = 10)
 */
export function nearestRankPercentile(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  // The tolerance keeps 0.9 × 10 = 9.000000000000002 at rank 9.
  const rank = Math.max(1, Math.ceil(p * n - 1e-9));
  return sorted[Math.min(n, rank) - 1]!;
}
