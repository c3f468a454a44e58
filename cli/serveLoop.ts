import type { Duban } from '../core/index.js';
import { takeDailyBackup, type DailyBackupSettings } from '../core/backup/takeDailyBackup.js';
import { isDubanError } from '../core/errors/DubanError.js';
import type { Language } from '../core/i18n/Localized.js';
import { cliText } from './i18n/cliText.js';
import { PassFailures } from './PassFailures.js';

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

/**
 * One pass: fire due schedules, then due timers (each through the engine), then run due
 * outbox rows. It first checks that the database file is still the one opened.
 *
 * @throws DubanError `DB_GONE` when the SQLite file was deleted or replaced.
 */
export async function servePass(duban: Duban): Promise<ServePass> {
  duban.store.assertPresent();
  const schedules = await duban.schedules.runDue();
  const timers = await duban.timers.fireDue();
  const outbox = await duban.outbox.runDue();
  // Daily, and after an org import: a signed copy of the audit head outside the database.
  const anchored = await duban.anchors.anchorIfDue();
  return {
    anchored: anchored?.anchor.seq ?? null, schedules: schedules.fired, schedulesLate: schedules.late, schedulesSkipped: schedules.skipped, timers: timers.fired, late: timers.late, void: timers.void, outbox };
}

/** Options of {@link runServeLoop}. */
export interface ServeLoopOptions {
  /** One verified backup per local calendar day into `dir`, keeping `keep`; `target` is the database as given (for pg_dump). */
  readonly dailyBackup?: DailyBackupSettings & { readonly target: string };
  /** Where the loop's lines go; default stderr. */
  readonly log?: (line: string) => void;
  /** The language of those lines; default English. */
  readonly lang?: Language;
}

/**
 * Runs passes until SIGINT or SIGTERM. Between passes it sleeps until the next due timer
 * or the poll interval, whichever is sooner (the interval also picks up rows written by
 * other processes); never longer than {@link MAX_TIMER_MS}. A pass in flight finishes
 * before the loop stops, so nothing claimed is left half done. A failed pass is retried
 * with back-off and logged once per change ({@link PassFailures}); a database file gone
 * or replaced stops the loop. With `dailyBackup`, each pass takes the day's backup when
 * it is not there yet ({@link takeDailyBackup}).
 *
 * @throws DubanError `DB_GONE` when the database file is gone or replaced.
 */
export async function runServeLoop(duban: Duban, signal?: AbortSignal, options: ServeLoopOptions = {}): Promise<void> {
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const lang = options.lang ?? 'en';
  const failures = new PassFailures(log, lang);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  signal?.addEventListener('abort', stop);
  try {
    while (!controller.signal.aborted) {
      let backoff: number | undefined;
      try {
        await servePass(duban);
        if (options.dailyBackup) await dailyBackupStep(duban, options.dailyBackup, (key, file) => log(`duban serve: ${cliText.t(lang, key, { file })}`));
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
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    signal?.removeEventListener('abort', stop);
  }
}

async function dailyBackupStep(duban: Duban, settings: NonNullable<ServeLoopOptions['dailyBackup']>, say: (key: 'backup.daily' | 'backup.pruned', file: string) => void): Promise<void> {
  const { taken, pruned } = await takeDailyBackup(duban.store, settings.target, settings, duban.clock.now(), duban.settings.timeZone);
  if (taken) say('backup.daily', taken.file);
  for (const file of pruned) say('backup.pruned', file);
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
