import { DateTime, Duration } from 'luxon';

/** True when `text` is an ISO 8601 duration with a positive length (`PT2H`, `P7D`). */
export function isIsoDuration(text: string): boolean {
  const d = Duration.fromISO(text);
  return d.isValid && d.toMillis() > 0;
}

/**
 * Adds an ISO 8601 duration to an instant. Calendar units (`P1M`, `P1D`) are added in
 * the given time zone, so "one day" stays a calendar day across a daylight-saving change.
 */
export function addDuration(at: Date, iso: string, zone = 'UTC'): Date {
  return DateTime.fromJSDate(at, { zone }).plus(Duration.fromISO(iso)).toJSDate();
}
