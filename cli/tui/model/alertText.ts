import type { ServiceAlerts } from '../../../core/health/readServiceAlerts.js';
import { formatTime } from '../text/formatTime.js';

/**
 * The status line's service warning, or undefined when all is well: the first silent
 * `serve` worker (since its last pass, in the hospital's zone), else the open incidents.
 */
export function alertText(alerts: ServiceAlerts | undefined, t: (key: string, vars?: Record<string, unknown>) => string, timeZone: string, ascii: boolean): string | undefined {
  if (!alerts) return undefined;
  const glyph = ascii ? '!' : '⚠';
  const silent = alerts.silentWorkers[0];
  if (silent) return `${glyph} ${t('app.workerSilent', { host: silent.host, pid: silent.pid, at: formatTime(silent.lastPassAt, timeZone) })}`;
  if (alerts.openIncidents > 0) return `${glyph} ${t('app.incidentsOpen', { count: alerts.openIncidents })}`;
  return undefined;
}
