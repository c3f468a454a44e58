import type { Clock } from '../clock/Clock.js';
import { DubanError } from '../errors/DubanError.js';
import type { Engine } from '../runtime/Engine.js';
import type { FindingTable } from '../store/schema.js';
import type { Db } from '../store/Store.js';
import { OPEN_STATUSES, type CorrectiveAction, type FindingDetail, type FindingStatus, type FindingSummary, type Severity } from './Finding.js';

/** Filters of {@link FindingQueries.list}; all optional, combined with AND. */
export interface FindingFilter {
  /** A status, or `active` for every status before closed. */
  readonly status?: FindingStatus | 'active';
  readonly department?: string;
  readonly severity?: Severity;
  readonly overdue?: boolean;
  readonly assignee?: string;
  readonly escalated?: boolean;
  readonly flagged?: boolean;
  /** Free text matched against titles, subject and category. */
  readonly text?: string;
  readonly limit?: number;
  readonly offset?: number;
}

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

  async list(filter: FindingFilter = {}): Promise<FindingSummary[]> {
    const now = this.clock.now().toISOString();
    const rows = await this.filtered(filter, now)
      .selectAll()
      .orderBy('opened_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 500)
      .offset(filter.offset ?? 0)
      .execute();
    return rows.map((r) => toSummary(r, now));
  }

  /** How many findings match (for tab counts). */
  async count(filter: FindingFilter = {}): Promise<number> {
    const now = this.clock.now().toISOString();
    const row = await this.filtered(filter, now).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** A finding with its actions, notes, evidence and the timeline from the audit log. */
  async get(id: string): Promise<FindingDetail> {
    const row = await this.db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new DubanError('NOT_FOUND', `no finding "${id}"`, { place: { argument: id } });
    const instance = await this.engine.get(id, this.db);
    const audit = await this.db.selectFrom('audit_log').selectAll().where('instance_id', '=', id).orderBy('seq').execute();
    const data = instance.context.data as Record<string, unknown>;
    const list = <T>(key: string) => (Array.isArray(data[key]) ? (data[key] as T[]) : []);
    return {
      ...toSummary(row, this.clock.now().toISOString()),
      description: typeof instance.context.input.description === 'string' ? instance.context.input.description : null,
      revision: instance.revision,
      actions: list<CorrectiveAction>('actions'),
      notes: list('notes'),
      evidence: list('evidence'),
      escalations: list('escalations'),
      verification: (data.verification as FindingDetail['verification']) ?? null,
      effective: typeof data.effective === 'boolean' ? data.effective : null,
      timeline: audit.map((a) => ({
        seq: Number(a.seq),
        at: a.at,
        actor: a.actor,
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
    else if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.department) q = q.where('department_id', '=', filter.department);
    if (filter.severity) q = q.where('severity', '=', filter.severity);
    if (filter.assignee) q = q.where('assignee', '=', filter.assignee);
    if (filter.escalated !== undefined) q = q.where('level', filter.escalated ? '>' : '=', 1);
    if (filter.flagged !== undefined) q = q.where('flagged', '=', filter.flagged ? 1 : 0);
    if (filter.overdue !== undefined) {
      q = filter.overdue
        ? q.where('status', 'in', [...OPEN_STATUSES]).where('due_at', '<', now)
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
