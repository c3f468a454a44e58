import { createActor, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';

/** A transition's outcome: the next snapshot and the actions to carry out (duban's intents). */
export type Transitioned = [AnyMachineSnapshot, { type: string; params?: unknown }[]];

// One unstarted actor per machine, as the scope its pure transitions are computed in.
const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();

/**
 * XState's pure `transition`, without building a new actor for every call: `transition`
 * creates an inert actor each time, which computes the machine's initial snapshot and
 * measured as the largest single cost of a step. The actor here is created once per
 * machine and never started; it only serves as the scope the machine's own `transition`
 * asks for. Actions are collected, never run. Duban's chains spawn no child actors, so
 * nothing registers in the scope's system between calls.
 */
export function inertTransition(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject): Transitioned {
  const actions: Transitioned[1] = [];
  const scope = scopeOf(machine);
  scope.actionExecutor = (action) => void actions.push(action as Transitioned[1][number]);
  const next = machine.transition(snapshot, event, scope);
  return [next, actions];
}

function scopeOf(machine: AnyStateMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    scope = {
      self,
      defer: () => undefined,
      id: '',
      logger: () => undefined,
      sessionId: '',
      stopChild: () => undefined,
      system: self.system,
      emit: () => undefined,
      actionExecutor: () => undefined,
    } as unknown as AnyActorScope;
    scopes.set(machine, scope);
  }
  return scope;
}
