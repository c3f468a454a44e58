import { actorId, isSystemActor, toActor, type Actor, type ActorLike } from '../actor/Actor.js';
import { appendAudit } from '../audit/appendAudit.js';
import type { Clock } from '../clock/Clock.js';
import { DubanError } from '../errors/DubanError.js';
import { InstanceStore, persistedSnapshot } from '../instances/InstanceStore.js';
import { lineOf, OrgDirectory, type OrgFacts } from '../org/OrgDirectory.js';
import type { Db, Store } from '../store/Store.js';
import type { InstanceTable } from '../store/schema.js';
import { accessRuleOf, type AccessRule } from '../kernel/accessRule.js';
import { ACTIVITY_DONE_EVENT, type ChainContext } from '../kernel/ChainTypes.js';
import type { ChainRegistry } from '../workflow/ChainRegistry.js';
import type { CompiledChain } from '../kernel/compileChain.js';
import type { TransitionSpec } from '../kernel/chainSchema.js';
import { possibleTransitions, type Selection } from '../kernel/selectTransition.js';
import type { RefScope } from '../kernel/refs.js';
import { notPossibleNow, refusesActor, type AccessDecision } from './AccessDecision.js';
import type { AccessTarget } from './AccessTarget.js';
import { decideAccess } from './decideAccess.js';
import { OPERATION_RULES } from './operationRules.js';
import { markAudited, refusalError, wasAudited } from './refusals.js';

/** Where a refusal happened, for its audit row. */
export interface RefusalPlace {
  readonly instanceId?: string | null;
  readonly chain?: string | null;
  readonly event: string;
  readonly at?: Date;
  /** What else the audit row should say (the schedule concerned, say). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** True for events only the engine sends: timers firing, activities answering. */
export function isEngineOnlyEvent(type: string): boolean {
  return type.startsWith('timer.') || type === ACTIVITY_DONE_EVENT;
}

/**
 * The one answer to "may this actor do this": the engine asks it inside each event's
 * transaction, the console asks it for the actions it offers, plugin commands through
 * their context. Rules are the chain's own (default-deny: see accessRule.ts), the
 * operations' ({@link OPERATION_RULES}), and the org's people and departments.
 */
export class AccessControl {
  readonly #org: OrgDirectory;

  constructor(
    private readonly store: Store,
    private readonly chains: ChainRegistry,
    private readonly clock: Clock,
  ) {
    this.#org = new OrgDirectory(store.db);
  }

  /**
   * May `actor` send `event` to an instance, start a chain (`event` is `start`), or do an
   * operation? Reads, never writes. For an instance the answer is whether the event would
   * be accepted now: the actor allowed, and the step's conditions holding (see
   * {@link decideEvent}).
   *
   * @throws DubanError `INSTANCE_NOT_FOUND`, `CHAIN_NOT_FOUND`.
   */
  async can(actor: ActorLike, target: AccessTarget, event = 'start', db: Db = this.store.db): Promise<AccessDecision> {
    const who = toActor(actor);
    if ('operation' in target) {
      return this.decide(db, who, OPERATION_RULES[target.operation], { context: {}, event: {} }, null, target.operation, { openBeforeOrg: true });
    }
    if ('chainId' in target) {
      const chain = await this.chains.get(target.chainId, target.version, db);
      return this.decideStart(db, who, chain, target.input ?? {});
    }
    const row = await new InstanceStore(db).row(target.instanceId);
    if (!row) throw new DubanError('INSTANCE_NOT_FOUND', `no instance "${target.instanceId}"`, { place: { argument: target.instanceId } });
    const chain = await this.chains.get(row.chain_id, Number(row.chain_version), db);
    return this.decideEvent(db, who, row, chain, event, target.data);
  }

  /** Like {@link can}, but a refusal is audited and thrown. For faces outside the engine (plugin commands). */
  async require(actor: ActorLike, target: AccessTarget, event = 'start'): Promise<void> {
    const decision = await this.can(actor, target, event);
    if (decision.allowed) return;
    const error = refusalError(decision);
    if (refusesActor(decision)) {
      await this.recordRefusal(actor, error, { instanceId: 'instanceId' in target ? target.instanceId : null, event });
    }
    throw error;
  }

  /** May `actor` start `chain` with `input`? Its chain-level rule, over `$context.input`. */
  async decideStart(db: Db, actor: Actor, chain: CompiledChain, input: Readonly<Record<string, unknown>>): Promise<AccessDecision> {
    const department = typeof input.department === 'string' ? input.department : null;
    return this.decide(db, actor, accessRuleOf(chain.spec), { context: { input }, event: {} }, department, `start ${chain.spec.id}`);
  }

  /**
   * May `actor` send `event` (with `data`, or none) to the instance in `row`, and would its
   * step accept it now? Not allowed (`NOT_ALLOWED`, `UNKNOWN_PERSON`) unless a transition
   * of the step on the event allows the actor; not possible now (`GUARD_REJECTED`) unless
   * one the chain's own machine would take, on the instance's snapshot with this data at
   * this instant, allows them. Without data, a guard that reads the data is left to the
   * event (see {@link possibleTransitions}). Takes nothing: no assignment, no action.
   */
  async decideEvent(db: Db, actor: Actor, row: InstanceTable, chain: CompiledChain, event: string, data?: Readonly<Record<string, unknown>>): Promise<AccessDecision> {
    if (isEngineOnlyEvent(event) && !isSystemActor(actor)) return engineOnly(event);
    const handler = chain.spec.states[row.state]?.on?.[event];
    if (!handler) {
      return { allowed: false, code: 'EVENT_NOT_ACCEPTED', reason: `${row.id} is in step "${row.state}", which does not accept ${event}` };
    }
    const snapshot = chain.machine.resolveState(persistedSnapshot(row));
    const context = snapshot.context as ChainContext;
    const asked = { type: event, actor: actorId(actor), at: this.clock.now().toISOString() };
    const possible = data === undefined ? possibleTransitions(chain.machine, snapshot, asked) : takenBy(chain.select(snapshot, { ...asked, data: { ...data } }));
    // The transitions that may be taken now are asked first: the answer is often the first one.
    const candidates = [handler].flat();
    const ordered = [...possible, ...candidates.filter((t) => !possible.includes(t))];
    // The org is read once for all of them, and not at all for the engine's own actors.
    const org = isSystemActor(actor) ? undefined : await this.#org.facts(db);
    let first: AccessDecision | undefined;
    for (const transition of ordered) {
      const decision = await this.decideTransition(db, actor, row, context, transition, { ...asked, data: data ?? {} }, org);
      if (decision.allowed) return possible.includes(transition) ? decision : notPossibleNow(row.id, row.state, event);
      first ??= decision;
    }
    return first!;
  }

  /**
   * May `actor` take this transition of the instance in `row`? What the engine asks, in the
   * event's transaction; `org` when the caller has read it already (several transitions asked).
   */
  async decideTransition(
    db: Db,
    actor: Actor,
    row: Pick<InstanceTable, 'department_id' | 'assignee_person' | 'assignee_role'>,
    context: ChainContext,
    rule: AccessRule,
    event: { readonly type: string; readonly data?: unknown; readonly actor?: string },
    org?: OrgFacts,
  ): Promise<AccessDecision> {
    if (isEngineOnlyEvent(event.type) && !isSystemActor(actor)) return engineOnly(event.type);
    return this.decide(db, actor, accessRuleOf(rule), { context, event }, row.department_id, event.type, {
      assignee: { person: row.assignee_person, role: row.assignee_role },
      org,
    });
  }

  /**
   * Writes one audit row for a refusal, in its own transaction (the refused work rolled
   * back). A refusal met again on its way out (the CLI, a plugin command) is not written twice.
   */
  async recordRefusal(actor: ActorLike, error: DubanError, where: RefusalPlace): Promise<void> {
    if (wasAudited(error)) return;
    const who = toActor(actor);
    const at = where.at ?? this.clock.now();
    await this.store.db.transaction().execute((trx) =>
      appendAudit(trx, this.store.dialect, {
        at: at.toISOString(),
        actor: who.id,
        by: who.kind === 'person' ? who.by : undefined,
        instanceId: where.instanceId ?? null,
        chain: where.chain ?? null,
        event: `denied:${where.event}`,
        stateBefore: null,
        stateAfter: null,
        data: { ...where.data, code: error.code, reason: error.message },
      }),
    );
    markAudited(error);
  }

  private async decide(
    db: Db,
    actor: Actor,
    rule: AccessRule,
    scope: RefScope,
    department: string | null,
    what: string,
    extra: { assignee?: { person: string | null; role: string | null }; openBeforeOrg?: boolean; org?: OrgFacts } = {},
  ): Promise<AccessDecision> {
    if (isSystemActor(actor)) return decideAccess({ actor, person: undefined, orgKnown: true, rule, scope, department, departmentLine: () => [], what });
    const { org: known, ...rest } = extra;
    const org = known ?? (await this.#org.facts(db));
    const person = org.person(actor.id);
    return decideAccess({ actor, person, orgKnown: org.known, rule, scope, department, departmentLine: (id) => lineOf(org.parents, id), what, ...rest });
  }
}

// The transition a selection takes, as a list of the possible ones.
function takenBy(selection: Selection): readonly TransitionSpec[] {
  return selection.accepted && selection.transition ? [selection.transition] : [];
}

function engineOnly(event: string): AccessDecision {
  return { allowed: false, code: 'NOT_ALLOWED', reason: `event ${event} is sent only by the engine itself` };
}
