/** What an inspector finds of one person on a discipline check. */
export const ATTENDANCE_STATUSES = ['on_time', 'late', 'left_early', 'away_from_post', 'on_leave'] as const;

/** One of {@link ATTENDANCE_STATUSES}. */
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** One person's line of a discipline check. */
export interface AttendanceRecord {
  readonly person: string;
  readonly status: AttendanceStatus;
  readonly note?: string;
}

/** The hospital's punctuality target: the seeds report 98%–100% after the drills. */
export const DEFAULT_PUNCTUALITY_TARGET = 0.98;

/** A department's punctuality on one check. */
export interface Punctuality {
  /** People on the roster. */
  readonly expected: number;
  readonly onLeave: number;
  readonly onTime: number;
  /** expected − on leave: the people who should have been at work. */
  readonly denominator: number;
  /** onTime / denominator; `null` when everyone was on leave (nothing to measure). */
  readonly rate: number | null;
  readonly target: number;
  /** True when the rate is below the target; false when there is no rate. */
  readonly belowTarget: boolean;
}

/**
 * Punctuality rate = on time / (expected − on leave). The comparison with the target is
 * exact: the target is taken in basis points (0.98 → 9800) and compared by integer cross
 * multiplication, so 49 of 50 meets 0.98 with no floating-point doubt.
 *
 * @param expected the number of people on the roster.
 * @param target a fraction in [0, 1]; default {@link DEFAULT_PUNCTUALITY_TARGET}.
 */
export function computePunctuality(
  expected: number,
  records: readonly AttendanceRecord[],
  target: number = DEFAULT_PUNCTUALITY_TARGET,
): Punctuality {
  const onLeave = records.filter((r) => r.status === 'on_leave').length;
  const onTime = records.filter((r) => r.status === 'on_time').length;
  const denominator = expected - onLeave;
  const targetBasisPoints = Math.round(target * 10_000);
  const rate = denominator > 0 ? onTime / denominator : null;
  const belowTarget = denominator > 0 && onTime * 10_000 < targetBasisPoints * denominator;
  return { expected, onLeave, onTime, denominator, rate, target, belowTarget };
}

/** A fraction as a percentage with two decimals (`0.9333…` → `93.33%`), for titles. */
export function formatPercent(fraction: number): string {
  return `${(Math.round(fraction * 10_000) / 100).toFixed(2)}%`;
}
