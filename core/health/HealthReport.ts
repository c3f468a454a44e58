import type { AuditAnchor } from '../audit/AuditAnchor.js';
import type { ErrorCode } from '../errors/errorCodes.js';
import type { OutboxBacklog } from '../runtime/OutboxDispatcher.js';
import type { MigrationState } from '../store/migrationStatus.js';
import type { WorkerStatus } from './workerStates.js';

/** A check's outcome: `fail` makes the report unhealthy, `warning` is shown and does not. */
export type CheckStatus = 'ok' | 'warning' | 'fail';

/**
 * Why a check is not `ok`, a stable word (JSON readers and the texts key on it):
 * `databaseUnreachable`, `schemaOutdated`, `pluginDisabled`, `noWorkerYet`,
 * `noWorkerRunning`, `workerSilent`, `outboxLate`, `incidentsOpen`, `timersLate`,
 * `noAnchor`, `anchorsUnreadable`, `identityDeclared`.
 */
export type HealthProblem =
  | 'databaseUnreachable'
  | 'schemaOutdated'
  | 'pluginDisabled'
  | 'noWorkerYet'
  | 'noWorkerRunning'
  | 'workerSilent'
  | 'outboxLate'
  | 'incidentsOpen'
  | 'timersLate'
  | 'noAnchor'
  | 'anchorsUnreadable'
  | 'identityDeclared';

/** The checks, in the order a report lists them. */
export const HEALTH_CHECKS = ['database', 'schema', 'plugins', 'workers', 'outbox', 'incidents', 'timers', 'auditAnchor', 'identity'] as const;

/** One line of the checklist. */
export interface HealthCheck {
  readonly check: (typeof HEALTH_CHECKS)[number];
  readonly status: CheckStatus;
  readonly problem: HealthProblem | null;
}

/**
 * What `duban health` reports: `healthy` is false when any check failed. Every section
 * but `database` is null when the database could not be opened. Times are ISO 8601 UTC;
 * durations in ms.
 */
export interface HealthReport {
  readonly healthy: boolean;
  readonly at: string;
  readonly checks: readonly HealthCheck[];
  readonly database: { readonly target: string; readonly dialect: string | null; readonly reachable: boolean; readonly code: ErrorCode | null; readonly error: string | null };
  /** The core's migrations, then each loaded plugin's that has any: applied and pending. */
  readonly schema: readonly MigrationState[] | null;
  readonly plugins: {
    readonly loaded: readonly { readonly id: string; readonly version: string; readonly source: string }[];
    readonly disabled: readonly { readonly source: string; readonly id: string | null; readonly code: ErrorCode; readonly message: string }[];
  } | null;
  readonly workers: readonly WorkerStatus[] | null;
  readonly outbox: OutboxBacklog | null;
  readonly incidents: { readonly open: number; readonly oldestAt: string | null } | null;
  readonly timers: { readonly late: number; readonly oldestDueAt: string | null } | null;
  readonly auditAnchor: (Pick<AuditAnchor, 'seq' | 'at' | 'keyId'> & { readonly file: string }) | null;
  readonly identity: 'login' | 'declared' | null;
  readonly thresholds: { readonly workerSilentAfterMs: number; readonly outboxLateAfterMs: number; readonly timerLateAfterMs: number } | null;
}
