import type { WorkerHeartbeat } from './Heartbeats.js';

/**
 * What a worker's row says of it now: `running` (a pass within the threshold), `stopped`
 * (it stopped on a signal, or a `--once` run ended), `replaced` (silent, but a newer
 * worker started on its host after its last pass: a crash that systemd restarted), or
 * `silent` (no pass for longer than the threshold and nothing took its place).
 */
export type WorkerState = 'running' | 'stopped' | 'replaced' | 'silent';

/** A worker's row with its state and how long since its last pass. */
export interface WorkerStatus extends WorkerHeartbeat {
  readonly state: WorkerState;
  readonly silentForMs: number;
}

/** Classifies heartbeat rows at `now`; a worker is silent after `silentAfterMs` without a pass. */
export function workerStates(rows: readonly WorkerHeartbeat[], now: Date, silentAfterMs: number): WorkerStatus[] {
  return rows.map((row) => {
    const silentForMs = Math.max(0, now.getTime() - Date.parse(row.lastPassAt));
    const replaced = rows.some((other) => other !== row && other.host === row.host && other.startedAt > row.lastPassAt);
    const state: WorkerState = row.stoppedAt !== null ? 'stopped' : silentForMs <= silentAfterMs ? 'running' : replaced ? 'replaced' : 'silent';
    return { ...row, state, silentForMs };
  });
}
