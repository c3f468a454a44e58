import { sql } from 'kysely';
import { inject, injectable } from 'tsyringe';
import { initialTransition } from 'xstate';
import { AccessControl, isEngineOnlyEvent } from '../access/AccessControl.js';
import { notPossibleNow } from '../access/AccessDecision.js';
import { isRefusal, refusalError } from '../access/refusals.js';
import { actorId, toActor, type Actor, type ActorLike } from '../actor/Actor.js';
import { appendAudit, AuditHeadGuess } from '../audit/appendAudit.js';
import type { Clock } from '../clock/Clock.js';
import { TOKENS } from '../container/tokens.js';
import { DubanError, isDubanError } from '../errors/DubanError.js';
import type { Db, Store } from '../store/Store.js';
import { newId } from '../util/newId.js';
import { retryWithBackoff } from '../util/retryWithBackoff.js';
import { ChainRegistry } from '../workflow/ChainRegistry.js';
import type { ChainContext, ChainEvent } from '../kernel/ChainTypes.js';
import type { CompiledChain, EffectIntent } from '../kernel/compileChain.js';
import { formError } from '../workflow/formError.js';
import type { AfterCommit, BatchEvent, BatchOutcome, InstanceFilter, Projection, SendOptions, StartOptions } from './EngineOptions.js';
import { formProblems, taskFormProblems } from './formProblems.js';
import type { InstanceView, SendResult } from './InstanceView.js';
import { inertTransition } from './inertTransition.js';
import { intentsToRows } from './intentsToRows.js';
import type { Logger } from './Logger.js';
import { rowFromSnapshot } from './rowFromSnapshot.js';
import type { Settings } from './Settings.js';
import type { TaskTypes } from './TaskTypes.js';
import { InstanceStore, persistedSnapshot } from '../instances/InstanceStore.js';
import { RememberedRows } from '../instances/RememberedRows.js';
import { toInstanceView, type InstanceRow } from '../instances/toInstanceView.js';

export type { AfterCommit, BatchEvent, BatchOutcome, InstanceFilter, Projection, SendOptions, StartOptions } from './EngineOptions.js';

// What one event's transaction step wrote, for the result after the commit.
interface StepOutcome {
  readonly from: string;
  readonly to: string;
  readonly auditSeq: number;
  readonly outboxIds: string[];
  readonly view: InstanceView;
  /** The instance row as the step stored it, remembered once the transaction commits. */
  readonly row: InstanceRow;
}

/**
 * The engine: start instances, send them events, read them. Every event is one
 * transaction: restore the snapshot, check the actor, transition the pure machine,
 * persist the snapshot with revision + 1 (compare-and-set), append the audit row, write
 * timer and outbox rows; commit; only then run the outbox.
 */
@injectable()
export class Engine {
  #afterCommit: AfterCommit = async () => undefined;
  readonly #projections = new Map<string, Projection[]>();
  readonly #instances: InstanceStore;
  // This engine's last audit append: its next one advances the head without reading it.
  readonly #auditHead = new AuditHeadGuess();
  // The rows this engine committed last: its next step on one starts from it, not from a read.
  readonly #remembered = new RememberedRows();

  constructor(
    @inject(TOKENS.Store) private readonly store: Store,
    @inject(TOKENS.Clock) private readonly clock: Clock,
    @inject(TOKENS.ChainRegistry) private readonly chains: ChainRegistry,
    @inject(TOKENS.PluginRegistry) private readonly taskTypes: TaskTypes,
    @inject(TOKENS.Access) private readonly access: AccessControl,
    @inject(TOKENS.Logger) private readonly logger: Logger,
    @inject(TOKENS.Settings) private readonly settings: Settings,
  ) {
    this.#instances = new InstanceStore(store.db);
  }

  /** Keeps a read model of `chainId`'s instances (findings, say) in the event's transaction. */
  addProjection(chainId: string, projection: Projection): void {
    this.#projections.set(chainId, [...(this.#projections.get(chainId) ?? []), projection]);
  }

  private async project(trx: Db, row: InstanceRow, context: ChainContext, event: string, at: Date): Promise<void> {
    for (const projection of this.#projections.get(row.chain_id) ?? []) await projection(trx, { row, context, event, at });
  }

  /** Sets what runs after each commit (the outbox dispatcher); set by the composition root. */
  onAfterCommit(hook: AfterCommit): void {
    this.#afterCommit = hook;
  }

  /**
   * Starts an instance of the latest version of `chainId` (or `options.version`),
   * validating `input` against the chain's input form.
   *
   * @throws DubanError `CHAIN_NOT_FOUND`, `INPUT_INVALID`, `NOT_ALLOWED`.
   */
  async start(chainId: string, input: Record<string, unknown>, actorLike: ActorLike, options: StartOptions = {}): Promise<InstanceView> {
    const at = options.at ?? this.clock.now();
    const actor = toActor(actorLike);
    const chain = await this.chains.get(chainId, options.version);
    // Validation writes nothing, not even an audit row: it runs before the transaction.
    const problems = chain.spec.input ? await formProblems(this.store.db, chain.spec.input, input, at, this.settings.timeZone) : [];
    if (problems.length > 0) throw formError('INPUT_INVALID', 'input', problems);
    const id = options.id ?? newId('i', at);
    const result = await this.store.db.transaction().execute(async (trx) => {
      if (options.claim && !(await options.claim(trx))) return undefined;
      if (options.id) {
        if (await this.#instances.exists(id, trx)) return { outboxIds: [] as string[], row: undefined };
      }
      const decision = await this.access.decideStart(trx, actor, chain, input);
      if (!decision.allowed) throw refusalError(decision);
      const [snapshot, actions] = initialTransition(chain.machine, input);
      const row = rowFromSnapshot(chain, snapshot, {
        id,
        revision: 1,
        created_by: actor.id,
        created_at: at.toISOString(),
        parent_id: options.parentId ?? null,
      });
      await this.#instances.insert(row, trx);
      await this.project(trx, row, snapshot.context as ChainContext, 'start', at);
      await appendAudit(
        trx,
        this.store.dialect,
        {
          at: at.toISOString(),
          ...auditActor(actor),
          instanceId: id,
          chain: `${chain.spec.id}@${chain.spec.version}`,
          event: 'start',
          stateBefore: null,
          stateAfter: row.state,
          data: { input },
        },
        this.#auditHead,
      );
      const outboxIds = await this.writeIntents(trx, id, actions, at);
      return { outboxIds, row };
    }).catch(async (error: unknown) => {
      // A refused attempt leaves a trace, and nothing else.
      if (isRefusal(error)) await this.access.recordRefusal(actor, error, { chain: `${chain.spec.id}@${chain.spec.version}`, event: 'start', at });
      throw error;
    });
    if (result?.row) this.#remembered.remember(result.row);
    if (result) await this.afterCommit(result.outboxIds);
    // The view of what the transaction wrote, unless the instance was started before, by
    // another claimant, or moved on by work run after the commit: then it is read.
    return result?.row && result.outboxIds.length === 0 ? toInstanceView(result.row, chain) : this.get(id);
  }

  /**
   * Sends an event to an instance, in one transaction. Without `expectedRevision` a lost
   * compare-and-set is retried on the fresh snapshot, with jittered back-off, for up to
   * `settings.plainSendRetryMs`; with it, it is a conflict at once.
   *
   * @throws DubanError `INSTANCE_NOT_FOUND`, `EVENT_NOT_ACCEPTED`, `GUARD_REJECTED`,
   * `REVISION_CONFLICT`, `FORM_INVALID`, `NOT_ALLOWED`, `TIMER_CLAIMED` (claim refused).
   */
  async send(instanceId: string, event: { type: string; data?: Record<string, unknown> }, actorLike: ActorLike, options: SendOptions = {}): Promise<SendResult> {
    const at = options.at ?? this.clock.now();
    const actor = toActor(actorLike);
    const once = () => this.sendOnce(instanceId, event, actor, at, options);
    if (options.expectedRevision !== undefined) return once();
    return retryWithBackoff(once, (error) => isDubanError(error, 'REVISION_CONFLICT'), { deadlineMs: this.settings.plainSendRetryMs });
  }

  private async sendOnce(
    instanceId: string,
    input: { type: string; data?: Record<string, unknown> },
    actor: Actor,
    at: Date,
    options: SendOptions,
  ): Promise<SendResult> {
    const where: { chain: string | null } = { chain: null };
    const outcome = await this.store.db
      .transaction()
      .execute((trx) => this.step(trx, instanceId, input, actor, at, options, where))
      .catch(async (error: unknown) => {
        // A refused attempt leaves a trace, and nothing else.
        if (isRefusal(error)) await this.access.recordRefusal(actor, error, { instanceId, chain: where.chain, event: input.type, at });
        throw error;
      });
    this.#remembered.remember(outcome.row);
    await this.afterCommit(outcome.outboxIds);
    return this.resultOf(instanceId, outcome);
  }

  /**
   * Sends several independent events in one transaction (group commit): each keeps its own
   * compare-and-set, audit row and outbox rows, inside its own savepoint, and every caller
   * learns its outcome only after the one commit, so nothing is acknowledged before it is
   * on disk. An event that fails is rolled back to its savepoint, leaving the others in
   * the batch, and is then sent again alone with {@link send}: it succeeds on its own, or
   * reports its own error (and a refusal is audited) exactly as a single send would. A
   * refused claim (`TIMER_CLAIMED`) is reported at once: another process holds that work.
   */
  async sendBatch(items: readonly BatchEvent[]): Promise<BatchOutcome[]> {
    const prepared = items.map((item) => ({ item, at: item.options?.at ?? this.clock.now(), actor: toActor(item.actor) }));
    const stepped = await this.store.db.transaction().execute(async (trx) => {
      const outcomes: (StepOutcome | { claimed: DubanError } | undefined)[] = [];
      for (const { item, at, actor } of prepared) {
        await sql`savepoint duban_event`.execute(trx);
        try {
          outcomes.push(await this.step(trx, item.instanceId, item.event, actor, at, item.options ?? {}, { chain: null }));
          await sql`release savepoint duban_event`.execute(trx);
        } catch (error) {
          await sql`rollback to savepoint duban_event`.execute(trx);
          await sql`release savepoint duban_event`.execute(trx);
          // A refused claim is final: another process holds that work, and sending it again alone would only ask again.
          outcomes.push(isDubanError(error, 'TIMER_CLAIMED') ? { claimed: error } : undefined);
        }
      }
      return outcomes;
    });
    for (const outcome of stepped) if (outcome && 'row' in outcome) this.#remembered.remember(outcome.row);
    await this.afterCommit(stepped.flatMap((o) => (o && 'outboxIds' in o ? o.outboxIds : [])));
    const results: BatchOutcome[] = [];
    for (const [i, outcome] of stepped.entries()) {
      const { item, at } = prepared[i]!;
      if (outcome && 'claimed' in outcome) {
        results.push({ ok: false, error: outcome.claimed });
        continue;
      }
      if (outcome) {
        results.push({ ok: true, result: await this.resultOf(item.instanceId, outcome) });
        continue;
      }
      try {
        results.push({ ok: true, result: await this.send(item.instanceId, item.event, item.actor, { ...item.options, at }) });
      } catch (error) {
        results.push({ ok: false, error });
      }
    }
    return results;
  }

  private async resultOf(instanceId: string, outcome: StepOutcome): Promise<SendResult> {
    // Work run after the commit (an activity answering at once) may have moved the instance on: then read it.
    const instance = outcome.outboxIds.length > 0 ? await this.get(instanceId) : outcome.view;
    return { instance, from: outcome.from, to: outcome.to, auditSeq: outcome.auditSeq };
  }

  // One event inside the caller's transaction: restore, check, transition, compare-and-set, audit, intents.
  private async step(
    trx: Db,
    instanceId: string,
    input: { type: string; data?: Record<string, unknown> },
    actor: Actor,
    at: Date,
    options: SendOptions,
    where: { chain: string | null },
  ): Promise<StepOutcome> {
    const event: ChainEvent = { type: input.type, data: input.data ?? {}, actor: actor.id, at: at.toISOString() };
    if (options.claim && !(await options.claim(trx))) {
      throw new DubanError('TIMER_CLAIMED', `${instanceId}: ${input.type} was already claimed by another process`);
    }
    const step = (row: InstanceRow | undefined, progress?: { advanced: boolean }) => this.stepFrom(trx, instanceId, row, event, actor, at, options, where, progress);
    const remembered = this.#remembered.recall(instanceId);
    if (!remembered) return step(await this.#instances.row(instanceId, trx));
    const progress = { advanced: false };
    try {
      return await step(remembered, progress);
    } catch (error) {
      // Refused, failed or not written on the row this engine remembers: the stored row
      // decides. When it is that same revision the answer stands; when another writer moved
      // it on, the step is taken again from it (a plugin's guard may throw on a context it
      // no longer has). Nothing was written yet (the compare-and-set failed or was not
      // reached); a storage failure is passed on as it is.
      if (progress.advanced || (isDubanError(error) && error.code.startsWith('DB_'))) throw error;
      this.#remembered.forget(instanceId);
      const stored = await this.#instances.row(instanceId, trx);
      if (stored && Number(stored.revision) === Number(remembered.revision)) throw error;
      return step(stored);
    }
  }

  // The step from `row`, the instance as stored or as this engine last committed it.
  private async stepFrom(
    trx: Db,
    instanceId: string,
    row: InstanceRow | undefined,
    event: ChainEvent,
    actor: Actor,
    at: Date,
    options: SendOptions,
    where: { chain: string | null },
    progress?: { advanced: boolean },
  ): Promise<StepOutcome> {
    if (!row) throw new DubanError('INSTANCE_NOT_FOUND', `no instance "${instanceId}"`, { place: { argument: instanceId } });
    const revision = Number(row.revision);
    if (options.expectedRevision !== undefined && options.expectedRevision !== revision) {
      throw new DubanError('REVISION_CONFLICT', `${instanceId} is at revision ${revision}, not ${options.expectedRevision}`, {
        details: { actual: revision, expected: options.expectedRevision },
      });
    }
    where.chain = `${row.chain_id}@${row.chain_version}`;
    if (isEngineOnlyEvent(event.type)) {
      // Checked before the step: a person learns nothing of the instance from a timer event.
      const decision = await this.access.decideTransition(trx, actor, row, { input: {}, data: {}, breaches: [] }, {}, event);
      if (!decision.allowed) throw refusalError(decision);
    }
    const chain = await this.chains.get(row.chain_id, Number(row.chain_version), trx);
    const snapshot = chain.machine.resolveState(persistedSnapshot(row));
    const context = snapshot.context as ChainContext;
    const choice = chain.select(snapshot, event);
    if (!choice.accepted) {
      throw new DubanError('EVENT_NOT_ACCEPTED', `${instanceId} is in step "${row.state}", which does not accept ${event.type}`, {
        place: { argument: event.type },
        details: { state: row.state, accepted: this.acceptedEvents(chain, row.state) },
      });
    }
    const task = await taskFormProblems(trx, this.taskTypes, this.settings.timeZone, chain, row.state, event, context, at);
    if (task && task.problems.length > 0) throw formError('FORM_INVALID', 'data', task.problems, { task: task.task });
    if (!choice.transition) {
      throw new DubanError('GUARD_REJECTED', notPossibleNow(instanceId, row.state, event.type).reason, { place: { argument: event.type } });
    }
    const eventForm = choice.transition.form;
    if (eventForm) {
      const problems = await formProblems(trx, eventForm, event.data ?? {}, at, this.settings.timeZone);
      if (problems.length > 0) throw formError('FORM_INVALID', 'data', problems);
    }
    const decision = await this.access.decideTransition(trx, actor, row, context, choice.transition, event);
    if (!decision.allowed) throw refusalError(decision);
    const [next, actions] = inertTransition(chain.machine, snapshot, event);
    const nextRow = rowFromSnapshot(chain, next, { ...row, revision: revision + 1, parent_id: row.parent_id });
    const advanced = await this.#instances.advance(
      row,
      {
        state: nextRow.state,
        status: nextRow.status,
        snapshot: nextRow.snapshot,
        assignee_role: nextRow.assignee_role,
        assignee_person: nextRow.assignee_person,
        updated_at: at.toISOString(),
      },
      trx,
    );
    if (!advanced) {
      throw new DubanError('REVISION_CONFLICT', `${instanceId} was changed by another writer`, { details: { expected: revision } });
    }
    if (progress) progress.advanced = true;
    // The row as stored now: the view the caller gets is built from it, not read back.
    const stored: InstanceRow = { ...nextRow, department_id: row.department_id, updated_at: at.toISOString() };
    await this.project(trx, stored, next.context as ChainContext, event.type, at);
    const auditSeq = await appendAudit(
      trx,
      this.store.dialect,
      {
        at: at.toISOString(),
        ...auditActor(actor),
        instanceId,
        chain: `${row.chain_id}@${row.chain_version}`,
        event: event.type,
        stateBefore: row.state,
        stateAfter: nextRow.state,
        data: { ...event.data, ...(options.auditData ?? {}) },
      },
      this.#auditHead,
    );
    const outboxIds = await this.writeIntents(trx, instanceId, actions, at);
    return { from: row.state, to: nextRow.state, auditSeq, outboxIds, view: toInstanceView(stored, chain, next.context as ChainContext), row: stored };
  }

  /** Reads one instance. @throws DubanError `INSTANCE_NOT_FOUND`. */
  async get(instanceId: string, db: Db = this.store.db): Promise<InstanceView> {
    const row = await this.#instances.row(instanceId, db);
    if (!row) throw new DubanError('INSTANCE_NOT_FOUND', `no instance "${instanceId}"`, { place: { argument: instanceId } });
    const chain = await this.chains.get(row.chain_id, Number(row.chain_version), db);
    return toInstanceView(row, chain);
  }

  /** Lists instances, newest first. */
  async list(filter: InstanceFilter = {}): Promise<InstanceView[]> {
    const rows = await this.#instances.list(filter);
    const views: InstanceView[] = [];
    for (const row of rows) views.push(toInstanceView(row, await this.chains.get(row.chain_id, Number(row.chain_version))));
    return views;
  }

  /** The events a step accepts from people (timer and activity events excluded). */
  acceptedEvents(chain: CompiledChain, state: string): string[] {
    return Object.keys(chain.spec.states[state]?.on ?? {});
  }

  private async writeIntents(trx: Db, instanceId: string, actions: readonly { type: string; params?: unknown }[], at: Date) {
    const intents = actions.filter((a) => a.type === 'intent').map((a) => a.params as EffectIntent);
    return intentsToRows(trx, instanceId, intents, at, (task) => this.taskTypes.owner(task), this.settings.timeZone);
  }

  private async afterCommit(outboxIds: readonly string[]): Promise<void> {
    if (outboxIds.length === 0) return;
    try {
      await this.#afterCommit(outboxIds);
    } catch (error) {
      // The event is committed; a dispatch failure is the outbox's to retry, not the caller's.
      this.logger.warn({ err: error, outboxIds }, 'outbox dispatch after commit failed; rows stay pending');
    }
  }
}

// Who the audit row names: the actor, and the logged-in person when acting on their behalf.
function auditActor(actor: Actor): { actor: string; by?: string } {
  return actor.kind === 'person' && actor.by ? { actor: actor.id, by: actor.by } : { actor: actorId(actor) };
}
