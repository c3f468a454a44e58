/**
 * Shares `totalCents` in proportion to `weights`, in whole cents, the shares summing
 * exactly to the total (the largest-remainder method, Hamilton's). Each share is first
 * rounded down; the cents left over (fewer than the number of people) go one each to the
 * largest remainders. **Tie rule:** equal remainders are served in list order (the
 * CSV's row order), so the result never depends on names or sorting.
 *
 * Arithmetic is in `bigint`: cents × weight stays exact however large the pool.
 *
 * @param weights non-negative integers (points in tenths), at least one positive.
 * @throws RangeError when no weight is positive.
 * @example shareByLargestRemainder(10000, [1, 1, 1]) // [3334, 3333, 3333]
 */
export function shareByLargestRemainder(totalCents: number, weights: readonly number[]): number[] {
  const total = BigInt(totalCents);
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum <= 0n) throw new RangeError('shareByLargestRemainder: the weights sum to zero');
  const floors = weights.map((w) => (total * BigInt(w)) / sum);
  const remainders = weights.map((w) => (total * BigInt(w)) % sum);
  let leftover = Number(total - floors.reduce((s, f) => s + f, 0n));
  const order = weights.map((_, i) => i).sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b));
  const shares = floors.map(Number);
  for (const i of order) {
    if (leftover === 0) break;
    shares[i]! += 1;
    leftover--;
  }
  return shares;
}
