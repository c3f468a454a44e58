import type { Duban } from '../core/index.js';

/** What one pass of `serve` did. */
export interface ServePass {
  /** Schedule occurrences fired, of them late (catch-up), and missed ones skipped by policy. */
  readonly schedules: number;
  readonly schedulesLate: number;
  readonly schedulesSkipped: number;
  readonly timers: number;
  readonly late: number;
  readonly void: number;
  readonly outbox: number;
  /** The audit row anchored by this pass, or null. */
  readonly anchored: number | null;
}

/** The longest a JS timer may be armed (2^31-1 ms); longer ones fire at once in Node. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** One pass: fire due schedules, then due timers (each through the engine), then run due outbox rows. */
export async function servePass(duban: Duban): Promise<ServePass> {
  const schedules = await duban.schedules.runDue();
  const timers = await duban.timers.fireDue();
  const outbox = await duban.outbox.runDue();
  // Daily, and after an org import: a signed copy of the audit head outside the database.
  const anchored = await duban.anchors.anchorIfDue();
  return {
    anchored: anchored?.anchor.seq ?? null, schedules: schedules.fired, schedulesLate: schedules.late, schedulesSkipped: schedules.skipped, timers: timers.fired, late: timers.late, void: timers.void, outbox };
}

/**
 * Runs passes until SIGINT or SIGTERM. Between passes it sleeps until the next due timer
 * or the poll interval, whichever is sooner (the interval also picks up rows written by
 * other processes); never longer than {@link MAX_TIMER_MS}. A pass in flight finishes
 * before the loop stops, so nothing claimed is left half done. Each completed pass
 * updates the worker's heartbeat row (`duban health` reads it).
 */
export async function runServeLoop(duban: Duban, signal?: AbortSignal): Promise<void> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  signal?.addEventListener('abort', stop);
  const worker = duban.heartbeats.worker();
  try {
    while (!controller.signal.aborted) {
      try {
        await servePass(duban);
        // After the pass, so the row tells the last pass that completed.
        await duban.heartbeats.beat(worker);
      } catch (error) {
        process.stderr.write(`duban serve: pass failed, will retry: ${(error as Error).message}\n`);
      }
      const next = await duban.timers.nextDue().catch(() => undefined);
      const nextSchedule = await duban.schedules.nextDue().catch(() => undefined);
      const untilNext = Math.min(next ? next.getTime() - duban.clock.now().getTime() : Infinity, nextSchedule ? nextSchedule.getTime() - duban.clock.now().getTime() : Infinity);
      const wait = Math.max(10, Math.min(duban.settings.pollIntervalMs, untilNext, MAX_TIMER_MS));
      await sleep(wait, controller.signal);
    }
  } finally {
    // A stopped worker keeps its row, marked stopped: its last pass shows, and no alarm.
    await duban.heartbeats.stop(worker).catch(() => undefined);
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    signal?.removeEventListener('abort', stop);
  }
}

// Whichever ends the sleep, the timer or the abort, removes the other: a listener left on
// the loop's signal after every pass would pile up for as long as serve runs.
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
