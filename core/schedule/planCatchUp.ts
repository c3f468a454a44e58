import type { DueScan } from './collectDueOccurrences.js';
import type { MissedRunPolicy, Occurrence } from './ScheduleTypes.js';

/** An occurrence to fire now; `late` when its instant had been missed. */
export interface PlannedRun {
  readonly occurrence: Occurrence;
  readonly late: boolean;
}

/** What to do with a schedule's due occurrences. */
export interface CatchUpPlan {
  readonly fire: readonly PlannedRun[];
  /** Due occurrences not fired (by policy or cap); a lower bound when `skippedIsLowerBound`. */
  readonly skipped: number;
  readonly skippedIsLowerBound: boolean;
}

/**
 * Applies the missed-run policy. An occurrence is missed when `now` is more than
 * `missedAfterMs` past its fire instant: nothing ran when it fell due. On-time
 * occurrences always fire (within the cap).
 *
 * - `skip`: only on-time occurrences fire.
 * - `once`: the latest due occurrence fires, on time or not; the rest are skipped.
 * - `all`: every due occurrence fires, the latest `cap` of them; older ones are skipped.
 *
 * Pure: the same scan, policy and instant always give the same plan.
 */
export function planCatchUp(scan: DueScan, policy: MissedRunPolicy, cap: number, now: Date, missedAfterMs: number): CatchUpPlan {
  const isMissed = (o: Occurrence) => now.getTime() - o.fireAt.getTime() > missedAfterMs;
  let chosen: readonly Occurrence[];
  switch (policy) {
    case 'skip':
      chosen = scan.latest.filter((o) => !isMissed(o)).slice(-cap);
      break;
    case 'once':
      chosen = scan.latest.slice(-1);
      break;
    case 'all':
      chosen = scan.latest.slice(-cap);
      break;
  }
  return {
    fire: chosen.map((occurrence) => ({ occurrence, late: isMissed(occurrence) })),
    skipped: Math.max(0, scan.total - chosen.length),
    skippedIsLowerBound: !scan.exact,
  };
}
