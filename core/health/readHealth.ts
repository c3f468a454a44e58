import type { Duban } from '../container/createDuban.js';
import { isDubanError } from '../errors/DubanError.js';
import { CORE_MIGRATION_SET, migrationStatus, pluginMigrationTable } from '../store/migrationStatus.js';
import { redactUrl } from '../store/redactUrl.js';
import { HEALTH_CHECKS, type HealthCheck, type HealthProblem, type HealthReport } from './HealthReport.js';
import { workerStates } from './workerStates.js';

/** What the face knows that the engine does not: how the acting person was established. */
export interface HealthOptions {
  readonly identity?: 'login' | 'declared';
  readonly now?: Date;
}

/**
 * Reads the health of a running installation through each table's owner: schema (core
 * and plugins), plugins, `serve` workers' heartbeats, outbox backlog, open incidents,
 * late timers, the last audit anchor. Unhealthy: schema outdated, a worker silent for
 * longer than `settings.workerSilentAfterMs`, a due outbox row waiting longer than
 * `settings.outboxLateAfterMs`, an open incident, a timer due more than
 * `settings.lateAfterMs` ago. Warnings: a disabled plugin, no worker ever ran or none
 * running now, no anchor yet, an identity only declared.
 */
export async function readHealth(duban: Duban, options: HealthOptions = {}): Promise<HealthReport> {
  const now = options.now ?? duban.clock.now();
  const { settings } = duban;
  const schema = await migrationStatus(duban.store, [CORE_MIGRATION_SET, ...duban.plugins.loaded.map((p) => ({ owner: p.id, tableName: pluginMigrationTable(p.id), names: Object.keys(p.definition.migrations ?? {}) }))].filter((set) => set.names.length > 0));
  const workers = workerStates(await duban.heartbeats.list(), now, settings.workerSilentAfterMs);
  const outbox = await duban.outbox.backlog(now);
  const incidents = await duban.incidents.openSummary();
  const timers = await duban.timers.overdue(new Date(now.getTime() - settings.lateAfterMs));
  let anchor;
  let anchorsReadable = true;
  try {
    anchor = duban.anchors.last();
  } catch (error) {
    if (!isDubanError(error, 'INPUT_INVALID')) throw error;
    anchorsReadable = false;
  }

  const problems: Record<(typeof HEALTH_CHECKS)[number], [HealthCheck['status'], HealthProblem] | null> = {
    database: null,
    schema: schema.some((s) => s.pending.length > 0) ? ['fail', 'schemaOutdated'] : null,
    plugins: duban.plugins.disabled.length > 0 ? ['warning', 'pluginDisabled'] : null,
    workers: workers.some((w) => w.state === 'silent')
      ? ['fail', 'workerSilent']
      : workers.length === 0
        ? ['warning', 'noWorkerYet']
        : workers.some((w) => w.state === 'running')
          ? null
          : ['warning', 'noWorkerRunning'],
    outbox: outbox.dueSince !== null && now.getTime() - Date.parse(outbox.dueSince) > settings.outboxLateAfterMs ? ['fail', 'outboxLate'] : null,
    incidents: incidents.open > 0 ? ['fail', 'incidentsOpen'] : null,
    timers: timers.count > 0 ? ['fail', 'timersLate'] : null,
    auditAnchor: !anchorsReadable ? ['fail', 'anchorsUnreadable'] : anchor === undefined ? ['warning', 'noAnchor'] : null,
    identity: options.identity === 'declared' ? ['warning', 'identityDeclared'] : null,
  };
  const checks = HEALTH_CHECKS.map((check) => ({ check, status: problems[check]?.[0] ?? 'ok', problem: problems[check]?.[1] ?? null }));
  return {
    healthy: checks.every((c) => c.status !== 'fail'),
    at: now.toISOString(),
    checks,
    database: { target: duban.store.target, dialect: duban.store.dialect, reachable: true, code: null, error: null },
    schema,
    plugins: {
      loaded: duban.plugins.loaded.map((p) => ({ id: p.id, version: p.version, source: p.source })),
      disabled: duban.plugins.disabled.map((p) => ({ source: p.source, id: p.id ?? null, code: p.code, message: p.message })),
    },
    workers,
    outbox,
    incidents,
    timers: { late: timers.count, oldestDueAt: timers.oldestDueAt },
    auditAnchor: anchor ? { seq: anchor.seq, at: anchor.at, keyId: anchor.keyId, file: duban.anchors.settings.anchorsFile } : null,
    identity: options.identity ?? null,
    thresholds: { workerSilentAfterMs: settings.workerSilentAfterMs, outboxLateAfterMs: settings.outboxLateAfterMs, timerLateAfterMs: settings.lateAfterMs },
  };
}

/** The report of a database that could not be opened: unhealthy, the reason named, nothing else read. */
export function unreachableHealth(target: string, error: unknown, now: Date): HealthReport {
  return {
    healthy: false,
    at: now.toISOString(),
    checks: [{ check: 'database', status: 'fail', problem: 'databaseUnreachable' }],
    database: { target: redactUrl(target), dialect: null, reachable: false, code: isDubanError(error) ? error.code : null, error: (error as Error).message ?? String(error) },
    schema: null,
    plugins: null,
    workers: null,
    outbox: null,
    incidents: null,
    timers: null,
    auditAnchor: null,
    identity: null,
    thresholds: null,
  };
}
