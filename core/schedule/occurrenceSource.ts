import type { CronClock } from './cronClock.js';
import type { OccurrenceSource } from './collectDueOccurrences.js';
import { drawFireInstant, occurrenceSeed } from './randomWindow.js';
import type { Occurrence, RandomWindow } from './ScheduleTypes.js';

/**
 * The id of an occurrence: the schedule id and the scheduled instant, e.g.
 * `s-night-check@2026-03-02T14:00:00.000Z`. It is the primary key of `schedule_runs`.
 */
export function occurrenceId(scheduleId: string, scheduledAt: Date): string {
  return `${scheduleId}@${scheduledAt.toISOString()}`;
}

/**
 * The occurrences of one schedule: scheduled instants from its cron clock; with a random
 * window, each fires at an instant drawn from its own recorded seed, without one at the
 * scheduled instant.
 */
export function occurrenceSource(
  scheduleId: string,
  clock: CronClock,
  window: RandomWindow | null,
  scheduleSeed: number,
): OccurrenceSource {
  return {
    next: (from) => clock.next(from),
    occurrence: (scheduledAt): Occurrence => {
      if (!window) return { id: occurrenceId(scheduleId, scheduledAt), scheduledAt, fireAt: scheduledAt, seed: null };
      const seed = occurrenceSeed(scheduleSeed, scheduledAt);
      return {
        id: occurrenceId(scheduleId, scheduledAt),
        scheduledAt,
        fireAt: drawFireInstant(scheduledAt, window, clock.timeZone, seed),
        seed,
      };
    },
  };
}
