import { auditOfInstance } from '../audit/auditOfInstance.js';
import { inDepartments } from '../store/inDepartments.js';
import type { Clock } from '../clock/Clock.js';
import { DubanError } from '../errors/DubanError.js';
import type { Engine } from '../runtime/Engine.js';
import { sql, type ExpressionBuilder } from 'kysely';
import type { DubanSchema, FindingTable } from '../store/schema.js';
import type { Db } from '../store/Store.js';
import { FINDING_STATUSES, OPEN_STATUSES, type CorrectiveAction, type FindingDetail, type FindingStatus, type FindingSummary, type Severity } from './Finding.js';
import { legacyDetails } from './legacyDetails.js';

/** Filters of {@link FindingQueries.list}; all optional, combined with AND. */
export interface FindingFilter {
  /**
   * A status; `active` for every status before closed; `waiting` for the steps in which
   * the finding waits for its department ({@link OPEN_STATUSES}: to acknowledge, plan, do
   * the actions and submit; a rejected finding is back in one of them).
   */
  readonly status?: FindingStatus | 'active' | 'waiting';
  readonly department?: string;
  /** Of any of these departments (a report's scope); an empty list matches nothing. */
  readonly departments?: readonly string[];
  /** The exact category (`duty-post.absent`). */
  readonly category?: string;
  /** Of a category starting with any of these (`discipline.`). */
  readonly categoryPrefixes?: readonly string[];
  /** Opened at or after this instant (ISO 8601). */
  readonly openedFrom?: string;
  /** Opened before this instant (ISO 8601). */
  readonly openedBefore?: string;
  /** Changed at or after this instant (ISO 8601). */
  readonly updatedFrom?: string;
  readonly severity?: Severity;
  readonly overdue?: boolean;
  readonly assignee?: string;
  readonly escalated?: boolean;
  readonly flagged?: boolean;
  /** Free text matched against titles, subject and category. */
  readonly text?: string;
  readonly limit?: number;
  /** Rows skipped; with `fromEnd`, counted from the list's end. */
  readonly offset?: number;
  /** Only the rows after this one in list order (a keyset page: no rows are counted past). */
  readonly after?: FindingKey;
  /** Only the rows before this one in list order, the nearest `limit` of them. */
  readonly before?: FindingKey;
  /** Read the page `offset` rows from the list's end: cheap near the end of a long list. */
  readonly fromEnd?: boolean;
}

/** A department's findings by where they stand. */
export interface DepartmentCount {
  readonly department: string;
  /** Still the department's to act on (open, acknowledged, action planned). */
  readonly open: number;
  readonly overdue: number;
  readonly awaiting: number;
}

/** How many findings of a department fall in a category. */
export interface CategoryCount {
  readonly department: string;
  readonly category: string;
  readonly count: number;
}

/** A row's place in the list order: newest opened first, ties by id descending. */
export interface FindingKey {
  readonly openedAt: string;
  readonly id: string;
}

/**
 * The statuses outside {@link OPEN_STATUSES}. "Open" is written as "not one of these" in
 * SQL: SQLite, without statistics, takes `status IN (…)` as selective and sorts every
 * open finding for a page (a quarter of a second at 100 000), where `NOT IN` lets it walk
 * the list-order index and stop after a page.
 */
const SETTLED_STATUSES = FINDING_STATUSES.filter((s) => !OPEN_STATUSES.includes(s));

/**
 * Reads findings from the read model, filtering in SQL (indexes on status, department,
 * due date and assignee), so a list of 100 000 findings reads one page at a time.
 */
export class FindingQueries {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly engine: Engine,
  ) {}

  /**
   * Findings in list order (newest first). A page is `limit` rows from `offset`, or,
   * cheaper in a long list, the rows next to a known one (`after`, `before`) or counted
   * from the far end (`fromEnd`); either way the rows come back in list order.
   */
  async list(filter: FindingFilter = {}): Promise<FindingSummary[]> {
    const now = this.clock.now().toISOString();
    // Reading backwards walks the same index the other way; the page is turned round below.
    const backwards = filter.before !== undefined || filter.fromEnd === true;
    const direction = backwards ? 'asc' : 'desc';
    let q = this.filtered(filter, now);
    if (filter.after) q = q.where(beyond('<', filter.after));
    if (filter.before) q = q.where(beyond('>', filter.before));
    const rows = await q
      .selectAll()
      .orderBy('opened_at', direction)
      .orderBy('id', direction)
      .limit(filter.limit ?? 500)
      .offset(filter.offset ?? 0)
      .execute();
    if (backwards) rows.reverse();
    return rows.map((r) => toSummary(r, now));
  }

  /** Every finding that matches, oldest opened first (ties by id): for reports that fold a period. */
  async all(filter: Omit<FindingFilter, 'limit' | 'offset' | 'after' | 'before' | 'fromEnd'> = {}): Promise<FindingSummary[]> {
    const now = this.clock.now().toISOString();
    const rows = await this.filtered(filter, now).selectAll().orderBy('opened_at').orderBy('id').execute();
    return rows.map((r) => toSummary(r, now));
  }

  /** How many findings match (for tab counts). */
  async count(filter: FindingFilter = {}): Promise<number> {
    const now = this.clock.now().toISOString();
    const row = await this.filtered(filter, now).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** How many findings match, by department and category (one grouped query). */
  async countByCategory(filter: FindingFilter = {}): Promise<CategoryCount[]> {
    const now = this.clock.now().toISOString();
    const rows = await this.filtered(filter, now)
      .select(['department_id', 'category', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['department_id', 'category'])
      .orderBy('department_id')
      .orderBy('category')
      .execute();
    return rows.map((r) => ({ department: r.department_id, category: r.category, count: Number(r.n) }));
  }

  /**
   * Findings counted by department in one grouped query: open (the department's to act
   * on), overdue (open and past due now) and awaiting verification. Departments with none
   * of the three are left out. Sums come back as text on PostgreSQL, hence `Number`.
   */
  async byDepartment(): Promise<DepartmentCount[]> {
    const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
    const at = this.clock.now().toISOString();
    const rows = await this.db
      .selectFrom('findings')
      .select([
        'department_id',
        sql<number>`sum(case when status in (${open}) then 1 else 0 end)`.as('open'),
        sql<number>`sum(case when status in (${open}) and due_at < ${at} then 1 else 0 end)`.as('overdue'),
        sql<number>`sum(case when status = 'awaiting_verification' then 1 else 0 end)`.as('awaiting'),
      ])
      .where('status', '!=', 'closed')
      .groupBy('department_id')
      .orderBy('department_id')
      .execute();
    return rows
      .map((r) => ({ department: r.department_id, open: Number(r.open), overdue: Number(r.overdue), awaiting: Number(r.awaiting) }))
      .filter((r) => r.open + r.overdue + r.awaiting > 0);
  }

  /**
   * Findings opened and closed between consecutive `edges` (ISO instants, ascending), in
   * one scan: `opened[i]` and `closed[i]` count `[edges[i], edges[i + 1])`.
   */
  async flow(edges: readonly string[]): Promise<{ opened: number[]; closed: number[] }> {
    const buckets = edges.length - 1;
    const bucket = (column: 'opened_at' | 'closed_at', i: number) =>
      sql<number>`sum(case when ${sql.ref(column)} >= ${edges[i]!} and ${sql.ref(column)} < ${edges[i + 1]!} then 1 else 0 end)`.as(`${column}_${i}`);
    const row = (await this.db
      .selectFrom('findings')
      .select([...Array.from({ length: buckets }, (_, i) => bucket('opened_at', i)), ...Array.from({ length: buckets }, (_, i) => bucket('closed_at', i))])
      .where((eb) => eb.or([eb('opened_at', '>=', edges[0]!), eb('closed_at', '>=', edges[0]!)]))
      .executeTakeFirst()) as Record<string, unknown> | undefined;
    const series = (column: string) => Array.from({ length: buckets }, (_, i) => Number(row?.[`${column}_${i}`] ?? 0));
    return { opened: series('opened_at'), closed: series('closed_at') };
  }

  /** A finding with its actions, notes, evidence and the timeline from the audit log. */
  async get(id: string): Promise<FindingDetail> {
    const row = await this.db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new DubanError('NOT_FOUND', `no finding "${id}"`, { place: { argument: id } });
    const instance = await this.engine.get(id, this.db);
    const audit = await auditOfInstance(this.db, id);
    const data = instance.context.data as Record<string, unknown>;
    const list = <T>(key: string) => (Array.isArray(data[key]) ? (data[key] as T[]) : []);
    return {
      ...toSummary(row, this.clock.now().toISOString()),
      ...describedBy(instance.context.input),
      revision: instance.revision,
      actions: list<CorrectiveAction>('actions'),
      rootCause: (data.rootCause as FindingDetail['rootCause']) ?? null,
      extensions: list('extensions'),
      notes: list('notes'),
      evidence: list('evidence'),
      escalations: list('escalations'),
      verification: (data.verification as FindingDetail['verification']) ?? null,
      effective: typeof data.effective === 'boolean' ? data.effective : null,
      timeline: audit.map((a) => ({
        seq: Number(a.seq),
        at: a.at,
        actor: a.actor,
        ...(a.by_person ? { by: a.by_person } : {}),
        event: a.event,
        from: a.state_before,
        to: a.state_after,
        data: JSON.parse(a.data) as unknown,
      })),
    };
  }

  private filtered(filter: FindingFilter, now: string) {
    let q = this.db.selectFrom('findings');
    if (filter.status === 'active') q = q.where('status', '!=', 'closed');
    else if (filter.status === 'waiting') q = q.where('status', 'not in', SETTLED_STATUSES);
    else if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.department) q = q.where('department_id', '=', filter.department);
    if (filter.departments) q = inDepartments(q, 'department_id', filter.departments);
    if (filter.category) q = q.where('category', '=', filter.category);
    if (filter.categoryPrefixes) {
      const prefixes = filter.categoryPrefixes;
      // substr, not LIKE: a prefix is matched as written, `_` and `%` included.
      q = q.where((eb) => eb.or(prefixes.map((p) => eb(sql<string>`substr(category, 1, ${p.length})`, '=', p))));
    }
    if (filter.openedFrom) q = q.where('opened_at', '>=', filter.openedFrom);
    if (filter.openedBefore) q = q.where('opened_at', '<', filter.openedBefore);
    if (filter.updatedFrom) q = q.where('updated_at', '>=', filter.updatedFrom);
    if (filter.severity) q = q.where('severity', '=', filter.severity);
    if (filter.assignee) q = q.where('assignee', '=', filter.assignee);
    if (filter.escalated !== undefined) q = q.where('level', filter.escalated ? '>' : '=', 1);
    // A flag asks for attention now: a settled finding (closed) never counts as flagged.
    if (filter.flagged === true) q = q.where('flagged', '=', 1).where('status', '!=', 'closed');
    else if (filter.flagged === false) q = q.where((eb) => eb.or([eb('flagged', '=', 0), eb('status', '=', 'closed')]));
    if (filter.overdue !== undefined) {
      q = filter.overdue
        ? q.where('status', 'not in', SETTLED_STATUSES).where('due_at', '<', now)
        : q.where((eb) => eb.or([eb('status', 'not in', [...OPEN_STATUSES]), eb('due_at', '>=', now), eb('due_at', 'is', null)]));
    }
    if (filter.text) {
      const like = `%${filter.text.replace(/[%_]/g, '')}%`;
      q = q.where((eb) =>
        eb.or([eb('title_zh', 'like', like), eb('title_en', 'like', like), eb('subject', 'like', like), eb('category', 'like', like), eb('id', 'like', like)]),
      );
    }
    return q;
  }
}

/** Rows past `key` in one direction of the (opened_at, id) order: a row-value comparison, which the index seeks. */
function beyond(op: '<' | '>', key: FindingKey) {
  return (eb: ExpressionBuilder<DubanSchema, 'findings'>) => eb(eb.refTuple('opened_at', 'id'), op, eb.tuple(key.openedAt, key.id));
}

function toSummary(r: FindingTable, now: string): FindingSummary {
  const active = (OPEN_STATUSES as readonly string[]).includes(r.status);
  return {
    id: r.id,
    department: r.department_id,
    subject: r.subject,
    subjectKind: r.subject_kind,
    category: r.category,
    severity: r.severity as Severity,
    title: { 'zh-CN': r.title_zh, en: r.title_en },
    status: r.status as FindingStatus,
    assignee: r.assignee,
    level: Number(r.level),
    dueAt: r.due_at,
    overdue: active && r.due_at !== null && r.due_at < now,
    flagged: Number(r.flagged) === 1,
    openActions: Number(r.open_actions),
    reopenCount: Number(r.reopen_count),
    source: r.source_instance,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    escalatedAt: r.escalated_at,
    updatedAt: r.updated_at,
  };
}

/**
 * A finding's description and recorded data. A chain's finding from before `details`
 * carries its data as one line of text: read back as data, so it too is put in words.
 */
function describedBy(input: Readonly<Record<string, unknown>>): Pick<FindingDetail, 'description' | 'details'> {
  const description = typeof input.description === 'string' ? input.description : null;
  if (typeof input.details === 'string') return { description, details: JSON.parse(input.details) as Record<string, unknown> };
  const legacy = description !== null && typeof input.source === 'string' ? legacyDetails(description) : undefined;
  return legacy ? { description: null, details: legacy } : { description, details: null };
}
