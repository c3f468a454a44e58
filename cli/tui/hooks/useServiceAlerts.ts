import { useEffect, useState } from 'react';
import type { ServiceAlerts } from '../../../core/health/readServiceAlerts.js';
import { startPolling } from './startPolling.js';
import { POLL_MS } from './useChangePolling.js';

/**
 * The service alerts (silent `serve` workers, open incidents), read on the console's
 * polling cadence. A worker goes silent without any row changing, so this cannot wait
 * for the change marker. State changes only when the alerts do, so an unchanged read
 * renders no frame.
 */
export function useServiceAlerts(read: () => Promise<ServiceAlerts>, intervalMs = POLL_MS): ServiceAlerts | undefined {
  const [alerts, setAlerts] = useState<ServiceAlerts | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let last = '';
    const stop = startPolling(async () => {
      const next = await read();
      const key = `${next.silentWorkers.map((w) => w.workerId).join(',')}:${next.openIncidents}`;
      if (live && key !== last) {
        last = key;
        setAlerts(next);
      }
    }, intervalMs);
    return () => {
      live = false;
      stop();
    };
  }, [read, intervalMs]);
  return alerts;
}
