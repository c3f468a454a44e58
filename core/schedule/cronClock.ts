import { CronTime } from 'cron';
import { DateTime } from 'luxon';
import { DubanError } from '../errors/DubanError.js';

/** A parsed cron expression bound to a time zone. */
export interface CronClock {
  readonly expression: string;
  readonly timeZone: string;
  /**
   * The first fire instant strictly after `from`, or undefined when there is none within
   * the `cron` package's horizon (eight years from the wall clock).
   */
  next(from: Date): Date | undefined;
}

/**
 * Checks an IANA time zone name.
 *
 * @throws DubanError `INPUT_INVALID` naming `field`.
 */
export function checkTimeZone(zone: string, field = 'timeZone'): void {
  // Fixed offsets ("+08:00") are refused on purpose: they do not follow daylight saving,
  // and the `cron` package does not take them as a zone either.
  const valid = zone.length > 0 && !/^[+-]/.test(zone) && DateTime.fromObject({}, { zone }).isValid;
  if (!valid) {
    throw new DubanError('INPUT_INVALID', `${field}: "${zone}" is not an IANA time zone (for example Asia/Shanghai or Europe/Berlin)`, {
      place: { path: field },
    });
  }
}

/**
 * Parses a cron expression for a zone. Next instants come from
 * `new CronTime(expr, zone).getNextDateFrom(from, zone)`, which depends only on `from`
 * (never on the wall clock, unlike `nextDates()`), so tests and `DUBAN_NOW` are exact.
 * Across daylight saving a wall time that does not exist fires at the first instant
 * after the gap, and one that exists twice fires once.
 *
 * @throws DubanError `INPUT_INVALID` naming `timeZone` or `cron` (malformed, or never fires).
 */
export function compileCron(expression: string, zone: string, fields = { cron: 'cron', timeZone: 'timeZone' }): CronClock {
  checkTimeZone(zone, fields.timeZone);
  let time: CronTime;
  try {
    time = new CronTime(expression.trim(), zone);
  } catch (cause) {
    throw new DubanError('INPUT_INVALID', `${fields.cron}: "${expression}" is not a cron expression: ${(cause as Error).message}`, {
      place: { path: fields.cron },
      cause,
    });
  }
  const next = (from: Date): Date | undefined => {
    try {
      return time.getNextDateFrom(from, zone).toJSDate();
    } catch {
      // The package gives up after eight years without a match ("0 0 30 2 *").
      return undefined;
    }
  };
  return { expression: expression.trim(), timeZone: zone, next };
}

/**
 * Like {@link compileCron}, and also refuses an expression that never fires.
 *
 * @throws DubanError `INPUT_INVALID` naming the field.
 */
export function compileFiringCron(expression: string, zone: string, from: Date, fields = { cron: 'cron', timeZone: 'timeZone' }): CronClock {
  const clock = compileCron(expression, zone, fields);
  if (!clock.next(from)) {
    throw new DubanError('INPUT_INVALID', `${fields.cron}: "${expression}" never fires (no matching date within eight years)`, {
      place: { path: fields.cron },
    });
  }
  return clock;
}
