import { assign, setup, type AnyStateMachine } from 'xstate';
import { DubanError } from '../errors/DubanError.js';
import type { ChainSpec, EffectSpec, StateSpec, TransitionSpec } from './chainSchema.js';
import { timerEventName, type ChainContext, type ChainEvent, type TaskTypeLookup } from './ChainTypes.js';
import { evaluateGuard, type GuardExpr } from './guards.js';
import { resolveValue, type RefScope } from './refs.js';

/** An effect intent recorded by a transition, resolved against its event and context. */
export type EffectIntent =
  | { readonly kind: 'effect'; readonly effect: EffectSpec }
  | { readonly kind: 'activity'; readonly task: string; readonly state: string; readonly input: unknown }
  | { readonly kind: 'armTimer'; readonly key: string; readonly event: string; readonly after?: unknown; readonly at?: unknown }
  | { readonly kind: 'cancelTimer'; readonly key: string };

/** A chain ready to run: its spec, its XState machine and the lookups the engine needs. */
export interface CompiledChain {
  readonly spec: ChainSpec;
  readonly contentHash: string;
  readonly machine: AnyStateMachine;
  /**
   * The transition an event would take in a step, evaluated exactly as the machine does
   * (the first whose guard holds): `accepted` false when the step has no handler for the
   * event, `transition` undefined when every guard refused it.
   */
  select(state: string, event: ChainEvent, context: ChainContext): { accepted: boolean; transition?: TransitionSpec };
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
  const handlers = new Map<string, Map<string, TransitionSpec[]>>();

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
    handlers.set(name, on);
    states[name] = compileState(name, state, on, taskTypes);
  }

  const machine = setup({
    types: {} as { context: ChainContext; events: ChainEvent; input: Record<string, unknown> },
    guards: {
      expr: ({ context, event }, params: { expr: GuardExpr }) => evaluateGuard(params.expr, { context, event }),
    },
    actions: {
      assignData: assign(({ context, event }, params: { assign?: Record<string, unknown>; append?: Record<string, unknown> }) => {
        const scope: RefScope = { context, event };
        const data = { ...context.data };
        for (const [k, v] of Object.entries(params.assign ?? {})) data[k] = resolveValue(v, scope);
        for (const [k, v] of Object.entries(params.append ?? {})) {
          const list = Array.isArray(data[k]) ? (data[k] as unknown[]) : [];
          data[k] = [...list, resolveValue(v, scope)];
        }
        return { data };
      }),
      recordBreach: assign(({ context, event }, params: { state: string }) => ({
        breaches: [...context.breaches, { state: params.state, at: event.at ?? '' }],
      })),
      // Intent actions: no body. The engine reads their resolved params from the
      // transition result and writes timer and outbox rows in the same transaction.
      intent: (_args, _params: EffectIntent) => undefined,
    },
  }).createMachine({
    id: spec.id,
    initial: spec.initial,
    context: ({ input }) => ({ input: input ?? {}, data: { ...(spec.context ?? {}) }, breaches: [] }),
    // The step map is built from data; XState's inferred state-schema types cannot follow it.
    states: states as any,
  }) as unknown as AnyStateMachine;

  return {
    spec,
    contentHash,
    machine,
    select(state, event, context) {
      const candidates = handlers.get(state)?.get(event.type);
      if (!candidates) return { accepted: false };
      const transition = candidates.find((t) => !t.guard || evaluateGuard(t.guard, { context, event }));
      return { accepted: true, transition };
    },
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
  if (t.assign || t.append) actions.push({ type: 'assignData', params: { assign: t.assign, append: t.append } });
  actions.push(...(t.effects ?? []).map(effectAction));
  return {
    target: t.target,
    guard: t.guard ? { type: 'expr', params: { expr: t.guard } } : undefined,
    actions,
  };
}

function effectAction(effect: EffectSpec): Action {
  return intent(({ context, event }) => ({ kind: 'effect', effect: resolveValue(effect, { context, event }) as EffectSpec }));
}

function intent(params: (scope: { context: ChainContext; event: ChainEvent }) => EffectIntent): Action {
  return { type: 'intent', params };
}
