import { describe, expect, it } from 'vitest';
import { collectDueOccurrences, type OccurrenceSource } from '../../core/schedule/collectDueOccurrences.js';
import { compileCron } from '../../core/schedule/cronClock.js';
import { occurrenceSource } from '../../core/schedule/occurrenceSource.js';
import { planCatchUp } from '../../core/schedule/planCatchUp.js';

const HOUR = 3_600_000;
const MISSED_AFTER = 60_000;

/** Hourly at minute 0, Asia/Shanghai, no window. */
function hourly(): OccurrenceSource {
  return occurrenceSource('s-test', compileCron('0 * * * *', 'Asia/Shanghai'), null, 1);
}

describe('collecting due occurrences and applying the missed-run policy', () => {
  // Due at 01:00Z..05:00Z, now 05:30Z: five occurrences, all missed.
  const first = new Date('2026-03-02T01:00:00Z');
  const now = new Date('2026-03-02T05:30:00Z');

  it('finds every due occurrence in order and the first one not due as the next', () => {
    const scan = collectDueOccurrences(hourly(), first, now, 10);
    expect(scan.exact).toBe(true);
    expect(scan.total).toBe(5);
    expect(scan.latest.map((o) => o.id)).toEqual([1, 2, 3, 4, 5].map((h) => `s-test@2026-03-02T0${h}:00:00.000Z`));
    expect(scan.pending?.scheduledAt.toISOString()).toBe('2026-03-02T06:00:00.000Z');
  });

  it('skip fires none of the missed, once the latest, all up to the cap (the latest ones)', () => {
    const skip = planCatchUp(collectDueOccurrences(hourly(), first, now, 10), 'skip', 10, now, MISSED_AFTER);
    expect(skip.fire).toEqual([]);
    expect(skip.skipped).toBe(5);

    const once = planCatchUp(collectDueOccurrences(hourly(), first, now, 1), 'once', 10, now, MISSED_AFTER);
    expect(once.fire.map((r) => [r.occurrence.scheduledAt.toISOString(), r.late])).toEqual([['2026-03-02T05:00:00.000Z', true]]);
    expect(once.skipped).toBe(4);

    const all = planCatchUp(collectDueOccurrences(hourly(), first, now, 10), 'all', 10, now, MISSED_AFTER);
    expect(all.fire).toHaveLength(5);
    expect(all.skipped).toBe(0);

    const capped = planCatchUp(collectDueOccurrences(hourly(), first, now, 3), 'all', 3, now, MISSED_AFTER);
    expect(capped.fire.map((r) => r.occurrence.scheduledAt.getUTCHours())).toEqual([3, 4, 5]);
    expect(capped.skipped).toBe(2);
  });

  it('an occurrence on time fires under every policy, and is not late', () => {
    const onTime = new Date(Date.parse('2026-03-02T05:00:00Z') + 2000);
    for (const policy of ['skip', 'once', 'all'] as const) {
      const plan = planCatchUp(collectDueOccurrences(hourly(), new Date('2026-03-02T05:00:00Z'), onTime, 10), policy, 10, onTime, MISSED_AFTER);
      expect(plan.fire.map((r) => r.late), policy).toEqual([false]);
      expect(plan.skipped).toBe(0);
    }
  });

  it('bounds the work after a long outage: an every-second cron a day behind keeps the latest and reports a lower bound', () => {
    const source = occurrenceSource('s-fast', compileCron('* * * * * *', 'Asia/Shanghai'), null, 1);
    const start = new Date('2026-03-01T00:00:00Z');
    const later = new Date(start.getTime() + 24 * HOUR + 500);
    const scan = collectDueOccurrences(source, start, later, 5, 100);
    expect(scan.exact).toBe(false);
    expect(scan.total).toBeGreaterThanOrEqual(105);
    expect(scan.latest.map((o) => o.scheduledAt.toISOString())).toEqual(
      [4, 3, 2, 1, 0].map((back) => new Date(Date.parse('2026-03-02T00:00:00Z') - back * 1000).toISOString()),
    );
    expect(scan.pending?.scheduledAt.toISOString()).toBe('2026-03-02T00:00:01.000Z');
    const plan = planCatchUp(scan, 'all', 5, later, MISSED_AFTER);
    expect(plan.fire).toHaveLength(5);
    expect(plan.skippedIsLowerBound).toBe(true);
  });
});
