/**
 * P(X ≤ d) for X ~ Hypergeometric(lot, defectives, n): the chance that n slides drawn
 * without replacement from a lot holding `defectives` wrong ones show at most d of them.
 * Exact: log binomial coefficients are sums of logs, no gamma approximation.
 *
 * @param lot whole number ≥ 1; @param defectives 0..lot; @param n 0..lot; @param d whole number.
 * @example hypergeometricCdf(4, 2, 2, 0) // C(2,2)/C(4,2) = 1/6
 */
export function hypergeometricCdf(lot: number, defectives: number, n: number, d: number): number {
  const low = Math.max(0, n - (lot - defectives));
  const high = Math.min(n, defectives);
  if (d < low) return 0;
  if (d >= high) return 1;
  let logTerm = logChoose(defectives, low) + logChoose(lot - defectives, n - low) - logChoose(lot, n);
  let sum = Math.exp(logTerm);
  for (let k = low; k < d; k++) {
    logTerm += Math.log(((defectives - k) * (n - k)) / ((k + 1) * (lot - defectives - n + k + 1)));
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}

/** ln C(n, k), as the sum of ln((n - k + i) / i); O(min(k, n - k)). */
export function logChoose(n: number, k: number): number {
  const m = Math.min(k, n - k);
  let sum = 0;
  for (let i = 1; i <= m; i++) sum += Math.log((n - m + i) / i);
  return sum;
}
