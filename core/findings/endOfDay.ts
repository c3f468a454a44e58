import { DateTime } from 'luxon';

/**
 * The last instant of a calendar day in `timeZone`, as ISO 8601 UTC: an action due on the
 * 12th is on time until the 12th ends where the hospital is.
 */
export function endOfDay(date: string, timeZone: string): string {
  return DateTime.fromISO(date, { zone: timeZone }).endOf('day').toUTC().toISO()!;
}
