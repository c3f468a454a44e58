import { FINDING_STATUSES, OPEN_STATUSES, type Duban, type FindingStatus } from '../../core/index.js';

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
  const db = duban.store.db;
  const count = async (table: 'departments' | 'people' | 'posts' | 'schedules' | 'audit_log') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const instances: Record<string, { active: number; done: number }> = {};
  const byChain = await db
    .selectFrom('instances')
    .select(['chain_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('chain_id', '!=', 'finding')
    .groupBy(['chain_id', 'status'])
    .orderBy('chain_id')
    .execute();
  for (const row of byChain) {
    const entry = (instances[row.chain_id] ??= { active: 0, done: 0 });
    entry[row.status === 'done' ? 'done' : 'active'] += Number(row.n);
  }
  const findings = await db.selectFrom('findings').select(['status', 'level', 'flagged', 'reopen_count', 'due_at', 'department_id']).execute();
  const now = duban.clock.now().toISOString();
  const overdue = findings.filter((f) => (OPEN_STATUSES as readonly string[]).includes(f.status) && f.due_at !== null && f.due_at < now);
  const byStatus = Object.fromEntries(FINDING_STATUSES.map((s) => [s, findings.filter((f) => f.status === s).length])) as Record<FindingStatus, number>;
  return {
    database: meta.database,
    seed: meta.seed,
    months: meta.months,
    from: meta.from,
    to: meta.to,
    departments: await count('departments'),
    people: await count('people'),
    posts: await count('posts'),
    schedules: await count('schedules'),
    instances,
    findings: {
      total: findings.length,
      byStatus,
      overdue: overdue.length,
      escalated: findings.filter((f) => Number(f.level) >= 2).length,
      level3: findings.filter((f) => Number(f.level) >= 3).length,
      flagged: findings.filter((f) => Number(f.flagged) === 1).length,
      reopened: findings.filter((f) => Number(f.reopen_count) > 0).length,
      overdueDepartments: new Set(overdue.map((f) => f.department_id)).size,
    },
    auditRows: await count('audit_log'),
    seconds: meta.seconds,
  };
}
