import type { PointsRow } from './parsePointsCsv.js';
import { shareByLargestRemainder } from './shareByLargestRemainder.js';
import { baseTenths, workloadTenths } from './workloadPoints.js';

/** One person's points for the month (tenths), and their share of the pool (cents). */
export interface PersonPoints extends PointsRow {
  readonly baseTenths: number;
  readonly workloadTenths: number;
  readonly totalTenths: number;
  /** Present when a pool was given. */
  readonly shareCents?: number;
}

/** A month's points for everyone, in CSV order. */
export interface MonthPoints {
  readonly people: PersonPoints[];
  readonly totalTenths: number;
  readonly poolCents?: number;
}

/**
 * Points = base (by title level) + workload, per person, exactly in tenths; with a pool,
 * each person's share in proportion to their total, in cents summing exactly to the pool
 * (see {@link shareByLargestRemainder} for the rounding and its tie rule). Pure.
 *
 * @throws RangeError when a chief row has no chief base: callers check first and tell
 * the user where to set it.
 */
export function computeMonthPoints(rows: readonly PointsRow[], options: { chiefBaseTenths?: number; poolCents?: number } = {}): MonthPoints {
  const scored = rows.map((row) => {
    const base = baseTenths(row.title, options.chiefBaseTenths);
    if (base === undefined) throw new RangeError(`line ${row.line}: a chief needs the chief base points`);
    const workload = workloadTenths(row.counts);
    return { ...row, baseTenths: base, workloadTenths: workload, totalTenths: base + workload };
  });
  const totalTenths = scored.reduce((sum, p) => sum + p.totalTenths, 0);
  if (options.poolCents === undefined) return { people: scored, totalTenths };
  const shares = shareByLargestRemainder(
    options.poolCents,
    scored.map((p) => p.totalTenths),
  );
  return { people: scored.map((p, i) => ({ ...p, shareCents: shares[i]! })), totalTenths, poolCents: options.poolCents };
}
