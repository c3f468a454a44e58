import type { Occurrence } from './ScheduleTypes.js';

/** Where occurrences come from: the cron expression, and the window draw of each. */
export interface OccurrenceSource {
  /** The first scheduled instant strictly after `from`; undefined when there is none. */
  next(from: Date): Date | undefined;
  /** The occurrence scheduled at `scheduledAt` (its id, fire instant and seed). */
  occurrence(scheduledAt: Date): Occurrence;
}

/** The occurrences due by `now`, as far as a bounded scan can tell. */
export interface DueScan {
  /** The latest `keep` due occurrences, oldest first. */
  readonly latest: readonly Occurrence[];
  /** How many occurrences were due; a lower bound when `exact` is false. */
  readonly total: number;
  readonly exact: boolean;
  /** The first occurrence not due yet: the schedule's next. Undefined when the cron has no more. */
  readonly pending: Occurrence | undefined;
}

/** The most occurrences one scan computes (the `cron` package takes milliseconds each). */
export const MAX_SCAN = 600;

interface Scan {
  ring: Occurrence[];
  count: number;
  /** Set when the scan reached `now`: the first occurrence not due (or none left). */
  done: boolean;
  pending?: Occurrence;
  /** Set when the scan stopped at its limit: the first scheduled instant not looked at. */
  resumeAt?: Date;
}

/**
 * Walks a schedule's occurrences in scheduled order from `first` (its stored next) and
 * collects those due by `now` (fire instant at or before now), stopping at the first one
 * that is not due. Keeps only the latest `keep`.
 *
 * A schedule that was down for very long (an every-second cron after a weekend) is not
 * walked to the end: after {@link MAX_SCAN} occurrences it jumps near `now` and widens
 * the look-back until it holds `keep` occurrences; `total` is then a lower bound.
 */
export function collectDueOccurrences(source: OccurrenceSource, first: Date, now: Date, keep: number, maxScan = MAX_SCAN): DueScan {
  const want = Math.max(1, keep);
  const head = scan(source, first, now, want, maxScan);
  if (head.done) return { latest: head.ring, total: head.count, exact: true, pending: head.pending };

  const resumeAt = head.resumeAt!;
  const period = Math.max(1000, (resumeAt.getTime() - first.getTime()) / Math.max(1, head.count));
  let span = period * (want + 1);
  let best: Scan | undefined;
  for (let round = 0; round < 40; round++) {
    const lower = new Date(now.getTime() - span);
    const start = lower <= resumeAt ? resumeAt : source.next(lower);
    if (!start) break;
    const tail = scan(source, start, now, want, maxScan);
    if (!tail.done) {
      // Too many occurrences in this span to walk: look at a shorter one.
      span /= 2;
      continue;
    }
    best = tail;
    if (tail.count >= want || lower <= resumeAt) break;
    span *= 2;
  }
  if (!best) return { latest: head.ring, total: head.count, exact: false, pending: source.occurrence(resumeAt) };
  return { latest: best.ring, total: head.count + best.count, exact: false, pending: best.pending };
}

function scan(source: OccurrenceSource, first: Date, now: Date, keep: number, limit: number): Scan {
  const ring: Occurrence[] = [];
  let count = 0;
  for (let at: Date | undefined = first; at; at = source.next(at)) {
    const occurrence = source.occurrence(at);
    if (occurrence.fireAt > now) return { ring, count, done: true, pending: occurrence };
    if (count >= limit) return { ring, count, done: false, resumeAt: at };
    ring.push(occurrence);
    if (ring.length > keep) ring.shift();
    count++;
  }
  return { ring, count, done: true };
}
