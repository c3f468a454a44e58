import type { Duban } from '../core/index.js';
import { takeDailyBackup, type DailyBackupSettings } from '../core/backup/takeDailyBackup.js';
import { isDubanError } from '../core/errors/DubanError.js';
import { NOTIFY_KIND } from '../core/notify/notifyOutboxHandler.js';
import type { OutboxTally } from '../core/runtime/OutboxDispatcher.js';
import { PassFailures } from './PassFailures.js';

/** What one pass of `serve` did. */
export interface ServePass {
  /** Schedule occurrences fired, of them late (catch-up), and missed ones skipped by policy. */
  readonly schedules: number;
  readonly schedulesLate: number;
  readonly schedulesSkipped: number;
  /** Timers fired, of them late, and void ones (their step had moved on). */
  readonly timers: number;
  readonly late: number;
  readonly void: number;
  /**
   * Outbox rows run in the pass, whether right after the commit of a timer's or a
   * schedule's event or found due: {@link outboxDone} + {@link outboxFailed}.
   */
  readonly outbox: number;
  readonly outboxDone: number;
  /** Rows whose run failed (retried later with back-off, or an incident after the last attempt). */
  readonly outboxFailed: number;
  /** Notifications delivered (reminders, overdue and escalation notices): `notify` rows done. */
  readonly notifications: number;
  /** The audit row anchored by this pass, or null. */
  readonly anchored: number | null;
}

/** The longest a JS timer may be armed (2^31-1 ms); longer ones fire at once in Node. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * One pass: fire due schedules, then due timers (each through the engine), then run due
 * outbox rows; logs what it did (info when it did anything, else debug). It first checks
 * that the database file is still the one opened.
 *
 * @throws DubanError `DB_GONE` when the SQLite file was deleted or replaced.
 */
export async function servePass(duban: Duban): Promise<ServePass> {
  duban.store.assertPresent();
  // Most rows run right after the commit that wrote them, inside the steps before runDue:
  // the pass counts what the dispatcher ran between these two tallies, not what runDue found.
  const before = duban.outbox.tally();
  const schedules = await duban.schedules.runDue();
  const timers = await duban.timers.fireDue();
  await duban.outbox.runDue();
  const ran = outboxRan(before, duban.outbox.tally());
  // Daily, and after an org import: a signed copy of the audit head outside the database.
  const anchored = await duban.anchors.anchorIfDue();
  const pass: ServePass = {
    anchored: anchored?.anchor.seq ?? null,
    schedules: schedules.fired,
    schedulesLate: schedules.late,
    schedulesSkipped: schedules.skipped,
    timers: timers.fired,
    late: timers.late,
    void: timers.void,
    outbox: ran.done + ran.failed,
    outboxDone: ran.done,
    outboxFailed: ran.failed,
    notifications: ran.notifications,
  };
  logPass(duban, pass);
  return pass;
}

function outboxRan(before: OutboxTally, after: OutboxTally): { done: number; failed: number; notifications: number } {
  let done = 0;
  let failed = 0;
  for (const [kind, counts] of Object.entries(after)) {
    done += counts.done - (before[kind]?.done ?? 0);
    failed += counts.failed - (before[kind]?.failed ?? 0);
  }
  return { done, failed, notifications: (after[NOTIFY_KIND]?.done ?? 0) - (before[NOTIFY_KIND]?.done ?? 0) };
}

function logPass(duban: Duban, pass: ServePass): void {
  const idle = pass.schedules + pass.schedulesSkipped + pass.timers + pass.void + pass.outbox === 0 && pass.anchored === null;
  const message =
    `pass: ${pass.schedules} schedule occurrence(s) run, ${pass.timers} timer(s) fired, ` +
    `${pass.outboxDone} outbox row(s) done, ${pass.outboxFailed} failed, ${pass.notifications} notification(s) sent`;
  (idle ? duban.logger.debug : duban.logger.info).call(duban.logger, { code: 'SERVE_PASS', ...pass }, message);
}

/** Options of {@link runServeLoop}. */
export interface ServeLoopOptions {
  /** One verified backup per local calendar day into `dir`, keeping `keep`; `target` is the database as given (for pg_dump). */
  readonly dailyBackup?: DailyBackupSettings & { readonly target: string };
}

/**
 * Runs passes until SIGINT or SIGTERM. Between passes it sleeps until the next due timer
 * or the poll interval, whichever is sooner (the interval also picks up rows written by
 * other processes); never longer than {@link MAX_TIMER_MS}. A pass in flight finishes
 * before the loop stops, so nothing claimed is left half done. Each completed pass
 * updates the worker's heartbeat row (`duban health` reads it). A failed pass is retried
 * with back-off and logged once per change ({@link PassFailures}); a database file gone
 * or replaced stops the loop. With `dailyBackup`, each pass takes the day's backup when
 * it is not there yet ({@link takeDailyBackup}).
 *
 * @throws DubanError `DB_GONE` when the database file is gone or replaced.
 */
export async function runServeLoop(duban: Duban, signal?: AbortSignal, options: ServeLoopOptions = {}): Promise<void> {
  const failures = new PassFailures(duban.logger);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  signal?.addEventListener('abort', stop);
  const worker = duban.heartbeats.worker();
  try {
    while (!controller.signal.aborted) {
      let backoff: number | undefined;
      try {
        await servePass(duban);
        if (options.dailyBackup) await dailyBackupStep(duban, options.dailyBackup);
        // After the pass, so the row tells the last pass that completed.
        await duban.heartbeats.beat(worker);
        failures.succeeded();
      } catch (error) {
        // Writing on would acknowledge events into a file no one will read again.
        if (isDubanError(error, 'DB_GONE')) throw error;
        backoff = failures.failed(error);
      }
      if (backoff !== undefined) {
        await sleep(backoff, controller.signal);
        continue;
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

async function dailyBackupStep(duban: Duban, settings: NonNullable<ServeLoopOptions['dailyBackup']>): Promise<void> {
  const { taken, pruned } = await takeDailyBackup(duban.store, settings.target, settings, duban.clock.now(), duban.settings.timeZone);
  if (taken) duban.logger.info({ code: 'BACKUP_DAILY', file: taken.file }, `daily backup written and verified: ${taken.file}`);
  for (const file of pruned) duban.logger.info({ code: 'BACKUP_PRUNED', file }, `old daily backup removed: ${file}`);
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
