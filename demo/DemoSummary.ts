import { auditLength } from '../core/audit/auditLength.js';
import { FINDING_STATUSES, type FindingStatus } from '../core/findings/Finding.js';
import type { Duban } from '../core/container/createDuban.js';

/**
 * What `duban demo` built, as `--json` prints it. Counts only, no ids: two runs with the
 * same seed and the same `DUBAN_NOW` differ only in `database` and `seconds`.
 */
export interface DemoSummary {
  readonly database: string;
  readonly seed: number;
  readonly months: number;
  /** The first and the last instant of the history, ISO 8601 in the hospital's time zone. */
  readonly from: string;
  readonly to: string;
  readonly departments: number;
  readonly people: number;
  readonly posts: number;
  readonly schedules: number;
  /** Instances by chain, active and done. */
  readonly instances: Readonly<Record<string, { readonly active: number; readonly done: number }>>;
  readonly findings: {
    readonly total: number;
    readonly byStatus: Readonly<Record<FindingStatus, number>>;
    readonly overdue: number;
    /** Findings at escalation level 2 or above. */
    readonly escalated: number;
    readonly level3: number;
    readonly flagged: number;
    readonly reopened: number;
    /** Departments with at least one overdue finding. */
    readonly overdueDepartments: number;
  };
  readonly auditRows: number;
  /** How long building took, in seconds. */
  readonly seconds: number;
}

/** Counts what the demo database holds at `now`. */
export async function summarizeDemo(
  duban: Duban,
  meta: { database: string; seed: number; months: number; from: string; to: string; seconds: number },
): Promise<DemoSummary> {
  const instances: Record<string, { active: number; done: number }> = {};
  for (const c of await duban.instances.countByChain()) if (c.chainId !== 'finding') instances[c.chainId] = { active: c.active, done: c.done };
  const findings = await duban.findingQueries.all();
  const overdue = findings.filter((f) => f.overdue);
  const byStatus = Object.fromEntries(FINDING_STATUSES.map((s) => [s, findings.filter((f) => f.status === s).length])) as Record<FindingStatus, number>;
  return {
    database: meta.database,
    seed: meta.seed,
    months: meta.months,
    from: meta.from,
    to: meta.to,
    departments: (await duban.org.directory()).list.length,
    people: (await duban.org.people()).length,
    posts: (await duban.org.posts()).length,
    schedules: (await duban.schedules.list()).length,
    instances,
    findings: {
      total: findings.length,
      byStatus,
      overdue: overdue.length,
      escalated: findings.filter((f) => f.level >= 2).length,
      level3: findings.filter((f) => f.level >= 3).length,
      flagged: findings.filter((f) => f.flagged).length,
      reopened: findings.filter((f) => f.reopenCount > 0).length,
      overdueDepartments: new Set(overdue.map((f) => f.department)).size,
    },
    auditRows: await auditLength(duban.store.db),
    seconds: meta.seconds,
  };
}
