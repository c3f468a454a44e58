import { assign, enqueueActions, setup, type AnyMachineSnapshot, type AnyStateMachine } from 'xstate';
import { DubanError } from '../errors/DubanError.js';
import type { ChainSpec, EffectSpec, ForEachEffectSpec, StateSpec, TransitionSpec } from './chainSchema.js';
import { timerEventName, type ChainContext, type ChainEvent, type TaskTypeLookup } from './ChainTypes.js';
import { evaluateGuard, matches, type GuardExpr } from './guards.js';
import { resolveValue, type RefScope } from './refs.js';
import { selectTransition, transitionMeta, type Selection } from './selectTransition.js';

/** An effect intent recorded by a transition, resolved against its event and context. */
export type EffectIntent =
  | { readonly kind: 'effect'; readonly effect: EffectSpec }
  | { readonly kind: 'activity'; readonly task: string; readonly state: string; readonly input: unknown }
  | { readonly kind: 'armTimer'; readonly key: string; readonly event: string; readonly after?: unknown; readonly at?: unknown }
  | { readonly kind: 'cancelTimer'; readonly key: string }
  | { readonly kind: 'skip' };

/** A chain ready to run: its spec, its XState machine and the lookups the engine needs. */
export interface CompiledChain {
  readonly spec: ChainSpec;
  readonly contentHash: string;
  readonly machine: AnyStateMachine;
  /** The transition the machine would take for `event` from `snapshot` (see {@link selectTransition}). */
  select(snapshot: AnyMachineSnapshot, event: ChainEvent): Selection;
}

type Action = { type: string; params?: unknown };

/**
 * Compiles a validated chain into an XState machine through `setup()` with named
 * implementations: guards and assignments are pure functions of (context, event); every
 * side effect is a named action whose resolved params the engine turns into rows.
 *
 * @throws DubanError `CHAIN_INVALID` when a step names a task type no plugin provides.
 */
export function compileChain(spec: ChainSpec, contentHash: string, taskTypes: TaskTypeLookup, source = spec.id): CompiledChain {
  const states: Record<string, unknown> = {};

  for (const [name, state] of Object.entries(spec.states)) {
    if (state.task && !taskTypes(state.task)) {
      throw new DubanError('CHAIN_INVALID', `${source}: states.${name}.task: no loaded plugin provides task type "${state.task}"`, {
        place: { file: source, path: `states.${name}.task` },
      });
    }
    const on = new Map<string, TransitionSpec[]>();
    for (const [event, t] of Object.entries(state.on ?? {})) on.set(event, Array.isArray(t) ? t : [t]);
    if (state.sla) on.set(timerEventName(name, 'sla'), [state.sla.onBreach ?? {}]);
    for (const [timer, t] of Object.entries(state.timers ?? {})) on.set(timerEventName(name, timer), [t.then]);
    states[name] = compileState(name, state, on, taskTypes);
  }

  const machine = setup({
    types: {} as { context: ChainContext; events: ChainEvent; input: Record<string, unknown> },
    guards: {
      expr: ({ context, event }, params: { expr: GuardExpr }) => evaluateGuard(params.expr, { context, event }),
    },
    actions: {
      assignData: assign(({ context, event }, params: DataChanges) => ({ data: applyDataChanges(context, event, params) })),
      recordBreach: assign(({ context, event }, params: { state: string }) => ({
        breaches: [...context.breaches, { state: params.state, at: event.at ?? '' }],
      })),
      // Intent actions: no body. The engine reads their resolved params from the
      // transition result and writes timer and outbox rows in the same transaction.
      intent: (_args, _params: EffectIntent) => undefined,
      // A `forEach` becomes one intent per item and effect when the transition is taken:
      // the list arrives with the event (an activity's result), so its length is not
      // known when the chain is compiled.
      forEachEffect: enqueueActions(({ context, event, enqueue }, params: ForEachEffectSpec) => {
        // `enqueue` cannot see the sibling action types inside `setup()`; `intent` is one.
        for (const resolved of expandForEach(params, { context, event })) enqueue({ type: 'intent', params: resolved } as never);
      }),
    },
  }).createMachine({
    id: spec.id,
    initial: spec.initial,
    // Context defaults may refer to the input (`$context.input.assignee`).
    context: ({ input }) => ({
      input: input ?? {},
      data: resolveValue(spec.context ?? {}, { context: { input: input ?? {} }, event: {} }) as Record<string, unknown>,
      breaches: [],
    }),
    // The step map is built from data; XState's inferred state-schema types cannot follow it.
    states: states as any,
  }) as unknown as AnyStateMachine;

  return {
    spec,
    contentHash,
    machine,
    select: (snapshot, event) => selectTransition(machine, snapshot, event),
  };
}

function compileState(name: string, state: StateSpec, on: Map<string, TransitionSpec[]>, taskTypes: TaskTypeLookup) {
  if (state.type === 'final') return { type: 'final', entry: (state.entry ?? []).map(effectAction) };
  const entry: Action[] = [];
  const exit: Action[] = [];
  const timers: [string, { after?: string; at?: string }][] = [
    ...(state.sla ? ([['sla', state.sla]] as [string, { after?: string; at?: string }][]) : []),
    ...Object.entries(state.timers ?? {}),
  ];
  for (const [timer, t] of timers) {
    const key = `${name}.${timer}`;
    entry.push(
      intent(({ context, event }) => ({
        kind: 'armTimer',
        key,
        event: timerEventName(name, timer),
        after: resolveValue(t.after, { context, event }),
        at: resolveValue(t.at, { context, event }),
      })),
    );
    exit.push({ type: 'intent', params: { kind: 'cancelTimer', key } satisfies EffectIntent });
  }
  entry.push(...(state.entry ?? []).map(effectAction));
  if (state.task && taskTypes(state.task)?.hasActivity) {
    const task = state.task;
    entry.push(intent(({ context }) => ({ kind: 'activity', task, state: name, input: { input: context.input, data: context.data } })));
  }
  const compiledOn: Record<string, unknown[]> = {};
  for (const [event, ts] of on) {
    const breach = event === timerEventName(name, 'sla');
    compiledOn[event] = ts.map((t) => compileTransition(t, breach ? name : undefined));
  }
  return { entry, exit, on: compiledOn };
}

function compileTransition(t: TransitionSpec, breachOf?: string) {
  const actions: Action[] = [];
  if (breachOf) actions.push({ type: 'recordBreach', params: { state: breachOf } });
  if (t.assign || t.append || t.increment || t.updateItems) {
    actions.push({ type: 'assignData', params: { assign: t.assign, append: t.append, increment: t.increment, updateItems: t.updateItems } });
  }
  actions.push(...(t.effects ?? []).map(effectAction));
  return {
    target: t.target,
    reenter: t.reenter,
    guard: t.guard ? { type: 'expr', params: { expr: t.guard } } : undefined,
    actions,
    meta: transitionMeta(t),
  };
}

function effectAction(effect: EffectSpec | ForEachEffectSpec): Action {
  if ('forEach' in effect) return { type: 'forEachEffect', params: effect };
  return intent((scope) => resolveEffect(effect, scope));
}

function resolveEffect(effect: EffectSpec, scope: RefScope): EffectIntent {
  const { when, ...rest } = effect;
  return when && !evaluateGuard(when, scope) ? { kind: 'skip' } : { kind: 'effect', effect: resolveValue(rest, scope) as EffectSpec };
}

/** A `forEach`'s intents: each effect for each item; none when `in` is not a list. */
function expandForEach(spec: ForEachEffectSpec, scope: { context: ChainContext; event: ChainEvent }): EffectIntent[] {
  if (spec.when && !evaluateGuard(spec.when, scope)) return [];
  const items = resolveValue(spec.forEach.in, scope);
  if (!Array.isArray(items)) return [];
  return items.flatMap((item) => spec.forEach.effects.map((effect) => resolveEffect(effect, { ...scope, item })));
}

type DataChanges = Pick<TransitionSpec, 'assign' | 'append' | 'increment' | 'updateItems'>;

/** The data after a transition's `assign`, `append`, `increment` and `updateItems`, in that order. */
function applyDataChanges(context: ChainContext, event: ChainEvent, changes: DataChanges): Record<string, unknown> {
  const scope: RefScope = { context, event };
  const data = { ...context.data };
  for (const [k, v] of Object.entries(changes.assign ?? {})) data[k] = resolveValue(v, scope);
  for (const [k, v] of Object.entries(changes.append ?? {})) {
    const list = Array.isArray(data[k]) ? (data[k] as unknown[]) : [];
    data[k] = [...list, resolveValue(v, scope)];
  }
  for (const [k, n] of Object.entries(changes.increment ?? {})) data[k] = (typeof data[k] === 'number' ? (data[k] as number) : 0) + n;
  for (const u of changes.updateItems ?? []) {
    const match = resolveValue(u.match, scope);
    const set = resolveValue(u.set, scope) as Record<string, unknown>;
    const list = Array.isArray(data[u.list]) ? (data[u.list] as unknown[]) : [];
    data[u.list] = list.map((item) => (matches(item, match) ? { ...(item as object), ...set } : item));
  }
  return data;
}

function intent(params: (scope: { context: ChainContext; event: ChainEvent }) => EffectIntent): Action {
  return { type: 'intent', params };
}
