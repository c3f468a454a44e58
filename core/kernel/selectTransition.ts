import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import type { TransitionSpec } from './chainSchema.js';
import type { ChainEvent } from './ChainTypes.js';
import { readsEventData } from './guards.js';

/**
 * What an event would do in the snapshot's step: `accepted` false when the step has no
 * handler for it, `transition` undefined when every guard refused it.
 */
export type Selection = { readonly accepted: false } | { readonly accepted: true; readonly transition?: TransitionSpec };

/** An event's transitions as its step declares them, in the order the machine tries them. */
export type Candidates = readonly TransitionSpec[];

/**
 * The transition the machine itself would take for `event` from `snapshot`: its own
 * guards, evaluated by XState's own selection (the first transition whose guard holds),
 * without taking it, so nothing is assigned and no action runs. Pure.
 */
export function selectTransition(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: ChainEvent): Selection {
  const candidates = candidatesOf(machine, snapshot, event.type);
  if (!candidates) return { accepted: false };
  // A lone transition without a guard is the one the machine takes: nothing to evaluate.
  if (candidates.length === 1 && !candidates[0]!.guard) return { accepted: true, transition: candidates[0] };
  return { accepted: true, transition: specOf(machine.getTransitionData(snapshot, event)[0]) };
}

/**
 * The transitions `event` may take when its data is not known yet (a screen asking what
 * to offer before the person has typed anything): the one the machine takes as if the
 * event carried no data, and those whose guards read the event's data and so may hold
 * once it is given: each before the machine's choice, and each after it when that choice
 * itself read the data. Guards over the instance alone are the machine's to judge. Pure.
 */
export function possibleTransitions(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: Omit<ChainEvent, 'data'>): Candidates {
  const candidates = candidatesOf(machine, snapshot, event.type) ?? [];
  const taken = selectTransition(machine, snapshot, { ...event, data: {} });
  const chosen = taken.accepted && taken.transition ? candidates.indexOf(taken.transition) : candidates.length;
  const dependsOnData = (t: TransitionSpec | undefined) => !!t?.guard && readsEventData(t.guard);
  return candidates.filter((t, i) => i === chosen || (dependsOnData(t) && (i < chosen || dependsOnData(candidates[chosen]))));
}

/**
 * Keeps a transition's declaration on its compiled form (XState's transition `meta`), so
 * the machine's choice is known as the step declared it: its access rule, its form.
 */
export function transitionMeta(spec: TransitionSpec): { readonly spec: TransitionSpec } {
  return { spec };
}

// The step's transitions for an event, as declared, in the machine's order; undefined when it has none.
function candidatesOf(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, type: string): Candidates | undefined {
  const node = (machine.states as Record<string, { transitions: Map<string, readonly { meta?: unknown }[]> } | undefined>)[String(snapshot.value)];
  return node?.transitions.get(type)?.map((t) => specOf(t)!);
}

function specOf(transition: { meta?: unknown } | undefined): TransitionSpec | undefined {
  return (transition?.meta as ReturnType<typeof transitionMeta> | undefined)?.spec;
}
