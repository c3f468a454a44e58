import { useEffect, useState } from 'react';
import type { ServiceAlerts } from '../../../core/health/readServiceAlerts.js';
import { POLL_MS } from './useChangePolling.js';

/**
 * The service alerts (silent `serve` workers, open incidents), read on the console's
 * polling cadence: at once, then every `intervalMs`. A worker goes silent without any
 * row changing, so this cannot wait for the change marker. State changes only when the
 * alerts do, so an unchanged read renders no frame. The timer is unref'd.
 */
export function useServiceAlerts(read: () => Promise<ServiceAlerts>, intervalMs = POLL_MS): ServiceAlerts | undefined {
  const [alerts, setAlerts] = useState<ServiceAlerts | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let busy = false;
    let last = '';
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        const next = await read();
        const key = `${next.silentWorkers.map((w) => w.workerId).join(',')}:${next.openIncidents}`;
        if (live && key !== last) {
          last = key;
          setAlerts(next);
        }
      } catch {
        // A failed read (the database busy a moment) is retried on the next tick.
      } finally {
        busy = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), intervalMs);
    timer.unref?.();
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [read, intervalMs]);
  return alerts;
}
