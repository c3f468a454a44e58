import type { CheckStatus, HealthReport } from '../core/health/HealthReport.js';
import type { WorkerStatus } from '../core/health/workerStates.js';
import type { Language } from '../core/i18n/Localized.js';
import type { MessageVars } from '../core/i18n/Catalog.js';
import { cliText } from './i18n/cliText.js';

type HealthKey = Parameters<typeof cliText.t>[1] extends infer K ? (K extends `health.${infer H}` ? H : never) : never;
type Say = (key: HealthKey, vars?: MessageVars) => string;

/** One line of the health checklist. */
export interface HealthLine {
  readonly status: CheckStatus;
  readonly text: string;
}

/** The glyph a checklist line starts with. */
export const CHECK_GLYPHS: Readonly<Record<CheckStatus, string>> = { ok: '✓', warning: '⚠', fail: '✗' };

/**
 * The health report as a short checklist in the user's language, times in the
 * hospital's zone: one line a check, a line a worker (silent and running ones; the last
 * stopped one when none runs), a line a disabled plugin.
 */
export function healthLines(report: HealthReport, lang: Language, timeZone: string): HealthLine[] {
  const text = cliText.inLanguage(lang);
  const t: Say = (key, vars) => text(`health.${key}`, vars);
  const at = (iso: string | null) => (iso ? localTime(iso, timeZone) : '');
  const span = (ms: number) => duration(ms, t);
  const lines: HealthLine[] = [];
  const { database } = report;
  const status = (check: HealthReport['checks'][number]['check']) => report.checks.find((c) => c.check === check)?.status ?? 'ok';
  if (!database.reachable) return [{ status: 'fail', text: t('databaseUnreachable', { target: database.target, error: `${database.code ? `${database.code}: ` : ''}${database.error ?? ''}` }) }];
  lines.push({ status: 'ok', text: t('database', { target: database.target, dialect: database.dialect }) });

  const schema = report.schema!;
  const pending = schema.flatMap((s) => s.pending.map((m) => (s.owner === 'core' ? m : `${s.owner}/${m}`)));
  if (pending.length > 0) lines.push({ status: 'fail', text: t('schemaOutdated', { pending: pending.join(', ') }) });
  else lines.push({ status: 'ok', text: t('schema', { count: schema.reduce((n, s) => n + s.applied.length, 0) }) });

  lines.push({ status: 'ok', text: t('plugins', { loaded: report.plugins!.loaded.map((p) => `${p.id}@${p.version}`).join(', ') || cliText.t(lang, 'nothing') }) });
  for (const d of report.plugins!.disabled) lines.push({ status: 'warning', text: t('pluginDisabled', { source: d.source, code: d.code, message: d.message }) });

  const workers = report.workers!;
  const worker = (w: WorkerStatus) => t('worker', { host: w.host, pid: w.pid });
  const limit = report.thresholds!.workerSilentAfterMs;
  for (const w of workers.filter((w) => w.state === 'silent')) lines.push({ status: 'fail', text: t('workerSilent', { silent: span(w.silentForMs), worker: worker(w), at: at(w.lastPassAt), limit: span(limit) }) });
  for (const w of workers.filter((w) => w.state === 'running')) lines.push({ status: 'ok', text: t('workerRunning', { worker: worker(w), at: at(w.lastPassAt), passes: t('passes', { count: w.passes }) }) });
  if (workers.length === 0) lines.push({ status: 'warning', text: t('noWorkerYet') });
  else if (status('workers') === 'warning') {
    const last = [...workers].sort((a, b) => b.lastPassAt.localeCompare(a.lastPassAt))[0]!;
    lines.push({ status: 'warning', text: t('noWorkerRunning', { worker: worker(last), at: at(last.stoppedAt ?? last.lastPassAt) }) });
  }

  const outbox = report.outbox!;
  lines.push(
    status('outbox') === 'fail'
      ? { status: 'fail', text: t('outboxLate', { at: at(outbox.dueSince), late: span(Date.parse(report.at) - Date.parse(outbox.dueSince!)), waiting: outbox.waiting }) }
      : { status: 'ok', text: t('outbox', { waiting: outbox.waiting, failed: outbox.failed }) },
  );
  const incidents = report.incidents!;
  lines.push(incidents.open > 0 ? { status: 'fail', text: t('incidentsOpen', { count: incidents.open, at: at(incidents.oldestAt) }) } : { status: 'ok', text: t('incidents') });
  const timers = report.timers!;
  lines.push(timers.late > 0 ? { status: 'fail', text: t('timersLate', { count: timers.late, at: at(timers.oldestDueAt) }) } : { status: 'ok', text: t('timers') });
  const anchor = report.auditAnchor;
  lines.push(
    status('auditAnchor') === 'fail'
      ? { status: 'fail', text: t('anchorsUnreadable') }
      : anchor
        ? { status: 'ok', text: t('auditAnchor', { seq: anchor.seq, at: at(anchor.at), file: anchor.file }) }
        : { status: 'warning', text: t('noAnchor') },
  );
  if (report.identity) lines.push(report.identity === 'declared' ? { status: 'warning', text: t('identityDeclared') } : { status: 'ok', text: t('identity') });
  return lines;
}

/** The closing line: healthy, or how many checks failed. */
export function healthVerdict(report: HealthReport, lang: Language): string {
  const failed = report.checks.filter((c) => c.status === 'fail').length;
  return failed === 0 ? cliText.t(lang, 'health.healthy') : cliText.t(lang, 'health.unhealthy', { count: failed });
}

/** `YYYY-MM-DD HH:mm:ss` in `timeZone`: a heartbeat's seconds matter to an operator. */
export function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(iso));
}

function duration(ms: number, t: Say): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return t('seconds', { count: s });
  if (s < 7200) return t('minutes', { count: Math.round(s / 60) });
  if (s < 172_800) return t('hours', { count: Math.round(s / 3600) });
  return t('days', { count: Math.round(s / 86_400) });
}
