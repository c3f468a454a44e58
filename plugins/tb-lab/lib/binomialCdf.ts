/**
 * P(X ≤ d) for X ~ Binomial(n, p): the chance that n independent slides, each wrong with
 * probability p, show at most d errors. Terms are built in log space, so large samples
 * neither overflow nor lose the small terms' sum.
 *
 * @param n whole number ≥ 0; @param p in [0, 1]; @param d whole number (negative gives 0).
 * @example binomialCdf(10, 0.1, 0) // 0.9^10 = 0.3486784401
 */
export function binomialCdf(n: number, p: number, d: number): number {
  if (d < 0) return 0;
  if (d >= n || p <= 0) return 1;
  if (p >= 1) return 0;
  const logRatio = Math.log(p) - Math.log1p(-p);
  let logTerm = n * Math.log1p(-p);
  let sum = Math.exp(logTerm);
  for (let k = 0; k < d; k++) {
    logTerm += Math.log((n - k) / (k + 1)) + logRatio;
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}
