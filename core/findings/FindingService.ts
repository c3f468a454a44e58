import { systemActor, type ActorLike } from '../actor/Actor.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Clock } from '../clock/Clock.js';
import { DubanError } from '../errors/DubanError.js';
import { checkFormReferences } from '../org/checkFormReferences.js';
import { OrgDirectory } from '../org/OrgDirectory.js';
import { formError } from '../workflow/formError.js';
import type { Engine } from '../runtime/Engine.js';
import type { SendResult } from '../runtime/InstanceView.js';
import type { Settings } from '../runtime/Settings.js';
import type { Store } from '../store/Store.js';
import { newId } from '../util/newId.js';
import { addDuration, isIsoDuration } from '../kernel/duration.js';
import { OPEN_STATUSES, SEVERITIES, type ActionKind, type RootCauseCategory, type Severity } from './Finding.js';
import { endOfDay } from './endOfDay.js';

/** What opening a finding takes. */
export interface OpenFindingInput {
  readonly department: string;
  readonly subject: string;
  readonly subjectKind?: 'person' | 'post' | 'lab' | 'department';
  readonly category: string;
  readonly severity: Severity;
  /** The title in Chinese (or the only title); `titleEn` for English. */
  readonly title: string;
  readonly titleEn?: string;
  readonly description?: string;
  /** The recording chain's data (codes and ids), put in words when read: see findingWords. */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly source?: string;
  /** Critical findings from a duty-post absence: straight to level 2 (head and office told). */
  readonly escalateNow?: boolean;
}

/** A planned action. */
export interface PlanInput {
  readonly text: string;
  readonly owner: string;
  /** Due date, YYYY-MM-DD: a real day, today or later. */
  readonly due: string;
  /** Corrective (removes the cause of this finding) or preventive (keeps it from recurring); default corrective. */
  readonly kind?: ActionKind;
  /** The corrective meeting that agreed the action, when one did. */
  readonly agreedIn?: string;
}

/** A root cause: its category and the analysis in words. */
export interface RootCauseInput {
  readonly category: RootCauseCategory;
  readonly text: string;
}

/**
 * The finding actions, as people and chains take them. Each one validates its input,
 * computes what the machine cannot (due dates from the severity, the next escalation
 * level from the org) and sends one event through the engine, which checks the actor's
 * role and writes the audit row.
 */
export class FindingService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly engine: Engine,
    private readonly settings: Settings,
  ) {}

  /**
   * Opens a finding: due by severity, assigned to level 1 of the department's
   * escalation chain (level 2 with `escalateNow`).
   *
   * @param options.id a fixed id makes the open idempotent (chains use their outbox id).
   * @throws DubanError `INPUT_INVALID` naming the field; `NOT_ALLOWED` for roles other than office and inspector.
   */
  async open(input: OpenFindingInput, actor: ActorLike, options: { id?: string } = {}): Promise<string> {
    const at = this.clock.now();
    this.check(SEVERITIES.includes(input.severity), 'severity', `"${String(input.severity)}" is not minor, major or critical`);
    for (const field of ['department', 'subject', 'category', 'title'] as const) {
      this.check(typeof input[field] === 'string' && input[field].trim() !== '', field, 'required');
    }
    // The subject is of the org too: a person, a post, or a department (a lab is one).
    const kind = input.subjectKind ?? 'department';
    const subjectType = kind === 'person' ? 'person' : kind === 'post' ? 'post' : 'department';
    const problems = await checkFormReferences(this.store.db, { subject: { type: subjectType, label: { 'zh-CN': '对象', en: 'Subject' } } }, { subject: input.subject });
    if (problems.length > 0) throw formError('INPUT_INVALID', 'input', problems);
    const org = new OrgDirectory(this.store.db);
    const level = input.escalateNow ? 2 : 1;
    const chain = await org.escalationChain(input.department);
    const entry = chain.find((l) => l.level === level) ?? chain[chain.length - 1]!;
    const assignee = await org.resolveLevel(entry, input.department);
    const id = options.id ?? newId('f', at);
    await this.engine.start(
      'finding',
      {
        id,
        department: input.department,
        subject: input.subject,
        subjectKind: input.subjectKind ?? 'department',
        category: input.category,
        severity: input.severity,
        title: input.title,
        ...(input.titleEn ? { titleEn: input.titleEn } : {}),
        ...(input.description ? { description: input.description } : {}),
        ...(input.details && Object.keys(input.details).length > 0 ? { details: JSON.stringify(input.details) } : {}),
        ...(input.source ? { source: input.source } : {}),
        ...(assignee ? { assignee } : {}),
        level: entry.level,
        dueAt: this.dueFrom(at, input.severity).toISOString(),
        recheckAfter: this.recheckAfter(input.category),
        escalateNow: input.escalateNow === true,
      },
      actor,
      { id, at },
    );
    return id;
  }

  async ack(id: string, actor: ActorLike): Promise<SendResult> {
    return this.engine.send(id, { type: 'ACK' }, actor);
  }

  /**
   * Adds an action (the first one moves the finding to "action planned"). Unless the
   * office fixed the due date, the finding is then due at the end of its latest action's
   * due day (in the configured zone).
   *
   * @throws DubanError `FORM_INVALID` (every problem: owner unknown, due date past, kind), `NOT_ALLOWED`.
   */
  async plan(id: string, actor: ActorLike, action: PlanInput): Promise<SendResult> {
    // The chain's PLAN form checks the owner against the org and the due date (a real day, not past).
    const finding = await this.engine.get(id);
    const actions = (finding.context.data.actions as { due?: string }[] | undefined) ?? [];
    const latest = [...actions.map((a) => String(a.due ?? '')), action.due].filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort().at(-1);
    const data = {
      id: `a${actions.length + 1}`,
      text: action.text,
      kind: action.kind ?? 'corrective',
      owner: action.owner,
      due: action.due,
      ...(action.agreedIn ? { agreedIn: action.agreedIn } : {}),
      ...(latest ? { planDueAt: endOfDay(latest, this.settings.timeZone) } : {}),
    };
    return this.engine.send(id, { type: 'PLAN', data }, actor);
  }

  /**
   * Adopts the actions a corrective meeting agreed as the finding's own: one PLAN each,
   * skipping those already adopted (a retried outbox row adopts nothing twice).
   *
   * @returns false, adopting nothing, when the finding is settled (awaiting verification or closed).
   */
  async adoptActions(id: string, meetingId: string, actions: readonly { id: string; action: string; owner: string; due: string; kind?: ActionKind }[]): Promise<boolean> {
    const finding = await this.engine.get(id);
    if (!(OPEN_STATUSES as readonly string[]).includes(finding.state)) return false;
    const adopted = ((finding.context.data.actions as { agreedIn?: string }[] | undefined) ?? []).filter((a) => a.agreedIn === meetingId).length;
    for (const action of actions.slice(adopted)) {
      await this.plan(id, systemActor('chain'), { text: action.action, owner: action.owner, due: action.due, kind: action.kind, agreedIn: meetingId });
    }
    return true;
  }

  /** Records the root cause (a later one replaces it; the audit keeps each). */
  async rootCause(id: string, actor: ActorLike, cause: RootCauseInput): Promise<SendResult> {
    return this.engine.send(id, { type: 'ROOT_CAUSE', data: { category: cause.category, text: cause.text } }, actor);
  }

  /**
   * The head asks for a later due date, with a reason; the office answers. One request
   * waits at a time (`GUARD_REJECTED` while one does).
   */
  async requestExtension(id: string, actor: ActorLike, until: string, reason: string): Promise<SendResult> {
    const finding = await this.engine.get(id);
    const requests = (finding.context.data.extensions as unknown[] | undefined) ?? [];
    return this.engine.send(id, { type: 'REQUEST_EXTENSION', data: { id: `e${requests.length + 1}`, until, reason } }, actor);
  }

  /** The office grants the waiting request: the finding is due at the end of the day asked for, fixed. */
  async grantExtension(id: string, actor: ActorLike, reason?: string): Promise<SendResult> {
    const request = await this.waitingExtension(id);
    const data = { extensionId: request.id, dueAt: endOfDay(request.until, this.settings.timeZone), ...(reason ? { reason } : {}) };
    return this.engine.send(id, { type: 'GRANT_EXTENSION', data }, actor);
  }

  /** The office refuses the waiting request, with a reason; the due date stays. */
  async refuseExtension(id: string, actor: ActorLike, reason: string): Promise<SendResult> {
    const request = await this.waitingExtension(id);
    return this.engine.send(id, { type: 'REFUSE_EXTENSION', data: { extensionId: request.id, reason } }, actor);
  }

  /** The office fixes the due date (the plan no longer moves it). */
  async setDue(id: string, actor: ActorLike, dueAt: string, reason: string): Promise<SendResult> {
    return this.engine.send(id, { type: 'SET_DUE', data: { dueAt, reason } }, actor);
  }

  private async waitingExtension(id: string): Promise<{ id: string; until: string }> {
    const finding = await this.engine.get(id);
    const requests = (finding.context.data.extensions as { id: string; until: string; status: string }[] | undefined) ?? [];
    const waiting = requests.find((r) => r.status === 'requested');
    if (!waiting) throw new DubanError('GUARD_REJECTED', `${id}: no extension request waits for an answer`, { place: { argument: id } });
    return waiting;
  }

  async actionDone(id: string, actor: ActorLike, actionId: string, note?: string): Promise<SendResult> {
    return this.engine.send(id, { type: 'ACTION_DONE', data: { actionId, ...(note ? { note } : {}) } }, actor);
  }

  async submit(id: string, actor: ActorLike): Promise<SendResult> {
    return this.engine.send(id, { type: 'SUBMIT' }, actor);
  }

  /** Closes a verified finding. @throws DubanError `INPUT_INVALID` without a verification note. */
  async close(id: string, actor: ActorLike, note: string): Promise<SendResult> {
    this.check(typeof note === 'string' && note.trim() !== '', 'note', 'closing needs a verification note');
    return this.engine.send(id, { type: 'CLOSE', data: { note } }, actor);
  }

  async reject(id: string, actor: ActorLike, text: string): Promise<SendResult> {
    return this.engine.send(id, { type: 'REJECT', data: { text } }, actor);
  }

  /** Reopens a closed finding at level 1 with a fresh due date. */
  async reopen(id: string, actor: ActorLike, reason: string): Promise<SendResult> {
    this.check(typeof reason === 'string' && reason.trim() !== '', 'reason', 'required');
    const at = this.clock.now();
    return this.engine.send(id, await this.reopenEvent(id, reason, undefined, at), actor, { at });
  }

  private async reopenEvent(id: string, reason: string, recurrence: string | undefined, at: Date) {
    const row = await this.row(id);
    const org = new OrgDirectory(this.store.db);
    const first = (await org.escalationChain(row.department_id))[0]!;
    return {
      type: 'REOPEN',
      data: {
        reason,
        ...(recurrence ? { recurrence } : {}),
        level: first.level,
        assignee: await org.resolveLevel(first, row.department_id),
        dueAt: this.dueFrom(at, row.severity as Severity).toISOString(),
      },
    };
  }

  /**
   * Escalates one level along the department's chain and reassigns; at the top level the
   * finding is flagged instead (never dropped).
   *
   * @throws DubanError `INPUT_INVALID` without a reason; `ALREADY_TOP_LEVEL` at the top level; `NOT_ALLOWED` unless office.
   */
  async escalate(id: string, actor: ActorLike, reason: string): Promise<SendResult> {
    this.check(typeof reason === 'string' && reason.trim() !== '', 'reason', 'escalating by hand needs a reason');
    const at = this.clock.now();
    const event = await this.escalationEvent(id, reason, at);
    // By hand there is nowhere higher to go: say so and change nothing (the SLA flags instead).
    if (event.type !== 'ESCALATE') {
      throw new DubanError('ALREADY_TOP_LEVEL', `${id} is already at the top escalation level; nothing was changed`, { place: { argument: id } });
    }
    return this.engine.send(id, event, actor, { at });
  }

  /**
   * The event that escalates a finding one level (ESCALATE with the new level, assignee
   * and due date), or FLAG at the top level. The SLA breach handler returns it to the
   * outbox, which sends it in the same transaction that marks the row done.
   */
  async escalationEvent(id: string, reason: string, at: Date = this.clock.now()): Promise<{ type: string; data: Record<string, unknown> }> {
    const row = await this.row(id);
    const org = new OrgDirectory(this.store.db);
    const chain = await org.escalationChain(row.department_id);
    const next = chain.find((l) => l.level > Number(row.level));
    if (!next) return { type: 'FLAG', data: { reason } };
    return {
      type: 'ESCALATE',
      data: {
        reason,
        level: next.level,
        assignee: await org.resolveLevel(next, row.department_id),
        dueAt: this.dueFrom(at, row.severity as Severity).toISOString(),
      },
    };
  }

  async assign(id: string, actor: ActorLike, person: string): Promise<SendResult> {
    return this.engine.send(id, { type: 'ASSIGN', data: { assignee: person } }, actor);
  }

  async note(id: string, actor: ActorLike, text: string): Promise<SendResult> {
    this.check(typeof text === 'string' && text.trim() !== '', 'text', 'required');
    return this.engine.send(id, { type: 'NOTE', data: { text } }, actor);
  }

  /** Records a file as evidence by path and SHA-256 (the file itself stays where it is). */
  async evidence(id: string, actor: ActorLike, path: string): Promise<SendResult> {
    const file = resolve(path);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (cause) {
      throw new DubanError('INPUT_INVALID', `cannot read evidence file ${file}: ${(cause as Error).message}`, { place: { argument: path }, cause });
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.engine.send(id, { type: 'EVIDENCE', data: { path: file, sha256 } }, actor);
  }

  /**
   * The effectiveness re-check of a closed finding, as an event: REOPEN when a finding of
   * the same category and subject was opened after it closed (the re-check window has
   * just ended), EFFECTIVE otherwise.
   */
  async recheckEvent(id: string, at: Date = this.clock.now()): Promise<{ type: string; data: Record<string, unknown> }> {
    const row = await this.row(id);
    const recurrence = await this.store.db
      .selectFrom('findings')
      .select('id')
      .where('category', '=', row.category)
      .where('subject', '=', row.subject)
      .where('id', '!=', id)
      .where('opened_at', '>', row.closed_at ?? row.opened_at)
      .orderBy('opened_at')
      .limit(1)
      .executeTakeFirst();
    if (recurrence) return this.reopenEvent(id, 'recurrence', recurrence.id, at);
    return { type: 'EFFECTIVE', data: {} };
  }

  private async row(id: string) {
    const row = await this.store.db.selectFrom('findings').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new DubanError('NOT_FOUND', `no finding "${id}"`, { place: { argument: id } });
    return row;
  }

  private dueFrom(at: Date, severity: Severity): Date {
    return addDuration(at, this.settings.findingDue[severity], this.settings.timeZone);
  }

  private recheckAfter(category: string): string {
    const value = this.settings.recheckAfter[category] ?? this.settings.recheckAfter.default ?? 'P30D';
    return isIsoDuration(value) ? value : 'P30D';
  }

  private check(ok: boolean, field: string, message: string): void {
    if (!ok) throw new DubanError('INPUT_INVALID', `${field}: ${message}`, { place: { path: field } });
  }
}
