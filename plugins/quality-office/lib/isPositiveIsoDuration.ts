import { Duration } from 'luxon';

/**
 * True when `text` is an ISO 8601 duration longer than zero (`P30D`, `P2W`, `PT12H`),
 * as timers accept it. Pure.
 */
export function isPositiveIsoDuration(text: string): boolean {
  const d = Duration.fromISO(text);
  return d.isValid && d.toMillis() > 0;
}
