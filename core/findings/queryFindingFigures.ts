import { sql, type Kysely } from 'kysely';
import { queryCapaFigures } from './queryCapaFigures.js';
import { SEVERITIES, type Severity } from './Finding.js';
import type { DubanSchema } from '../store/schema.js';
import type { FindingCounts, FindingFigures, OldestOpenFinding, TimeToClose } from '../report/FindingFigures.js';
import { median, nearestRankPercentile } from '../report/percentiles.js';
import { inDepartments } from '../store/inDepartments.js';
import type { ReportPeriod } from '../report/ReportPeriod.js';

/** The audit events the report folds by period: the ones audit_event_at_idx holds. */
export const REPORTED_EVENTS = ['ESCALATE', 'REOPEN', 'CLOSE', 'start'] as const;

const DAY_MS = 86_400_000;
const OLDEST = 10;

type Key = `${string}\u0000${Severity}`;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type InScope = <Q>(query: Q, column: string) => Q;

/**
 * The findings figures of a period, in four queries whatever the number of findings:
 * 1. opened in the period, grouped in SQL (read model, index on `opened_at`);
 * 2. one scan of the period's audit rows of findings (ESCALATE, REOPEN, CLOSE, and starts
 *    escalated at once), joined to the read model for department and severity, folded in
 *    one pass: who was escalated, reopened, closed (and when, for the time to close);
 * 3. open and overdue at `asOf`, grouped in SQL;
 * 4. the ten oldest open at `asOf`.
 *
 * The read model holds a finding's current due date and last closing; a finding reopened
 * after the period therefore counts as open at its end, with the due date it has now.
 *
 * @param departments limit to these departments; null for all.
 */
export async function queryFindingFigures(db: Kysely<any>, period: ReportPeriod, departments: readonly string[] | null): Promise<FindingFigures> {
  const typed = db as Kysely<DubanSchema>;
  const cells = new Map<Key, Mutable<FindingCounts>>();
  const cell = (department: string, severity: string): Mutable<FindingCounts> => {
    const key = `${department}\u0000${severity}` as Key;
    let counts = cells.get(key);
    if (!counts) cells.set(key, (counts = { opened: 0, closed: 0, closedLate: 0, open: 0, overdue: 0, escalated: 0, reopened: 0 }));
    return counts;
  };
  const inScope: InScope = (query, column) => inDepartments(query, column, departments);

  const opened = await inScope(
    typed
      .selectFrom('findings')
      .select(['department_id', 'severity', (eb) => eb.fn.countAll<number>().as('n')])
      .where('opened_at', '>=', period.from)
      .where('opened_at', '<', period.to),
    'department_id',
  )
    .groupBy(['department_id', 'severity'])
    .execute();
  for (const row of opened) cell(row.department_id, row.severity).opened = Number(row.n);

  const closings = await foldAuditEvents(typed, period, inScope, cell);

  const active = await inScope(
    typed
      .selectFrom('findings')
      .select([
        'department_id',
        'severity',
        (eb) => eb.fn.countAll<number>().as('open'),
        // Awaiting verification has no SLA: it cannot be overdue.
        sql<number>`sum(case when due_at < ${period.asOf} and status <> 'awaiting_verification' then 1 else 0 end)`.as('overdue'),
      ])
      .where('opened_at', '<', period.asOf)
      .where((eb) => eb.or([eb('status', '<>', 'closed'), eb('closed_at', '>=', period.asOf)])),
    'department_id',
  )
    .groupBy(['department_id', 'severity'])
    .execute();
  for (const row of active) {
    const counts = cell(row.department_id, row.severity);
    counts.open = Number(row.open);
    counts.overdue = Number(row.overdue);
  }

  const oldest = await inScope(
    typed
      .selectFrom('findings')
      .select(['id', 'department_id', 'severity', 'status', 'subject', 'title_zh', 'title_en', 'opened_at', 'due_at', 'level'])
      .where('opened_at', '<', period.asOf)
      .where((eb) => eb.or([eb('status', '<>', 'closed'), eb('closed_at', '>=', period.asOf)])),
    'department_id',
  )
    .orderBy('opened_at')
    .orderBy('id')
    .limit(OLDEST)
    .execute();

  return { ...assemble(period, cells, closings, oldest), capa: await queryCapaFigures(typed, period, departments) };
}

interface Closing {
  readonly department: string;
  readonly severity: string;
  readonly days: number;
}

/**
 * The period's audit rows of findings that the report folds: escalations, reopenings,
 * closings, and starts of findings opened escalated at once.
 */
export function reportedAuditRows(db: Kysely<DubanSchema>, period: ReportPeriod) {
  return (
    db
      .selectFrom('audit_log as a')
      .innerJoin('findings as f', 'f.id', 'a.instance_id')
      .select(['a.instance_id', 'a.event', 'a.at', 'f.department_id', 'f.severity', 'f.opened_at', 'f.due_at'])
      .where('a.at', '>=', period.from)
      .where('a.at', '<', period.to)
      // Literals, not parameters: audit_event_at_idx holds only these events (migration 011),
      // and a partial index serves a query whose condition names its values.
      .where('a.event', 'in', REPORTED_EVENTS.map((event) => sql.lit(event)))
      // The audit data is canonical JSON (no spaces), so this matches the start of a finding opened escalated at once.
      .where((eb) => eb.or([eb('a.event', '<>', 'start'), eb('a.data', 'like', '%"escalateNow":true%')]))
  );
}

/**
 * One scan of the period's audit rows of findings. A finding is counted once per figure
 * however many such events it had; its time to close is from opening to its last closing
 * in the period.
 */
async function foldAuditEvents(
  db: Kysely<DubanSchema>,
  period: ReportPeriod,
  inScope: InScope,
  cell: (department: string, severity: string) => Mutable<FindingCounts>,
): Promise<Closing[]> {
  const rows = await inScope(reportedAuditRows(db, period), 'f.department_id').execute();
  const seen = new Map<string, { escalated: boolean; reopened: boolean; closedAt: string | null; row: (typeof rows)[number] }>();
  for (const row of rows) {
    const id = row.instance_id!;
    let state = seen.get(id);
    if (!state) seen.set(id, (state = { escalated: false, reopened: false, closedAt: null, row }));
    if (row.event === 'REOPEN') state.reopened = true;
    else if (row.event === 'CLOSE') state.closedAt = state.closedAt === null || row.at > state.closedAt ? row.at : state.closedAt;
    else state.escalated = true;
  }
  const closings: Closing[] = [];
  for (const { escalated, reopened, closedAt, row } of seen.values()) {
    const counts = cell(row.department_id, row.severity);
    if (escalated) counts.escalated += 1;
    if (reopened) counts.reopened += 1;
    if (closedAt !== null) {
      counts.closed += 1;
      if (row.due_at !== null && closedAt > row.due_at) counts.closedLate += 1;
      closings.push({ department: row.department_id, severity: row.severity, days: (Date.parse(closedAt) - Date.parse(row.opened_at)) / DAY_MS });
    }
  }
  return closings;
}

function assemble(
  period: ReportPeriod,
  cells: ReadonlyMap<Key, FindingCounts>,
  closings: readonly Closing[],
  oldest: readonly { id: string; department_id: string; severity: string; status: string; subject: string; title_zh: string; title_en: string; opened_at: string; due_at: string | null; level: number }[],
): Omit<FindingFigures, 'capa'> {
  const entries = [...cells.entries()]
    .map(([key, counts]) => {
      const [department, severity] = key.split('\u0000') as [string, Severity];
      return { department, severity, ...counts };
    })
    .sort((a, b) => compare(a.department, b.department) || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const departments = [...new Set(entries.map((e) => e.department))];
  const severities = SEVERITIES.filter((s) => entries.some((e) => e.severity === s));
  const sum = (list: readonly FindingCounts[]): FindingCounts => ({
    opened: total(list, 'opened'),
    closed: total(list, 'closed'),
    closedLate: total(list, 'closedLate'),
    open: total(list, 'open'),
    overdue: total(list, 'overdue'),
    escalated: total(list, 'escalated'),
    reopened: total(list, 'reopened'),
  });
  const asOf = Date.parse(period.asOf);
  return {
    asOf: period.asOf,
    totals: { ...sum(entries), timeToClose: timeToClose(closings) },
    byDepartment: departments.map((department) => ({
      department,
      ...sum(entries.filter((e) => e.department === department)),
      timeToClose: timeToClose(closings.filter((c) => c.department === department)),
    })),
    bySeverity: severities.map((severity) => ({
      severity,
      ...sum(entries.filter((e) => e.severity === severity)),
      timeToClose: timeToClose(closings.filter((c) => c.severity === severity)),
    })),
    byDepartmentAndSeverity: entries,
    oldestOpen: oldest.map(
      (r): OldestOpenFinding => ({
        id: r.id,
        department: r.department_id,
        severity: r.severity as Severity,
        status: r.status,
        subject: r.subject,
        title: { 'zh-CN': r.title_zh, en: r.title_en },
        openedAt: r.opened_at,
        dueAt: r.due_at,
        ageDays: (asOf - Date.parse(r.opened_at)) / DAY_MS,
        overdue: r.due_at !== null && r.due_at < period.asOf && r.status !== 'awaiting_verification',
        level: Number(r.level),
      }),
    ),
  };
}

function timeToClose(closings: readonly Closing[]): TimeToClose {
  const days = closings.map((c) => c.days).sort((a, b) => a - b);
  return { count: days.length, medianDays: median(days), p90Days: nearestRankPercentile(days, 0.9) };
}

function total(list: readonly FindingCounts[], key: keyof FindingCounts): number {
  return list.reduce((n, c) => n + c[key], 0);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
