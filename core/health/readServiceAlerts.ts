import type { Duban } from '../container/createDuban.js';
import { workerStates, type WorkerStatus } from './workerStates.js';

/** What the console's status line warns of: silent `serve` workers and open incidents. */
export interface ServiceAlerts {
  readonly silentWorkers: readonly WorkerStatus[];
  readonly openIncidents: number;
}

/**
 * The part of health a console polls: two small reads (the heartbeat rows and a count of
 * open incidents), judged as `duban health` judges them.
 */
export async function readServiceAlerts(duban: Pick<Duban, 'heartbeats' | 'incidents' | 'settings' | 'clock'>, now = duban.clock.now()): Promise<ServiceAlerts> {
  const workers = workerStates(await duban.heartbeats.list(), now, duban.settings.workerSilentAfterMs);
  const { open } = await duban.incidents.openSummary();
  return { silentWorkers: workers.filter((w) => w.state === 'silent'), openIncidents: open };
}
