import { initialTransition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { chainSpecSchema } from '../../core/kernel/chainSchema.js';
import { compileChain } from '../../core/kernel/compileChain.js';
import { findingChain } from '../../core/kernel/findingChain.js';
import { readsEventData } from '../../core/kernel/guards.js';
import { possibleTransitions, selectTransition } from '../../core/kernel/selectTransition.js';

const finding = compileChain(chainSpecSchema.parse(findingChain), 'test', () => undefined);
const machine = finding.machine;
const on = (state: string) => finding.spec.states[state]!.on!;

/** A finding's snapshot in `state` with these actions, as the engine restores one. */
function snapshotAt(state: string, data: Record<string, unknown> = {}) {
  const [initial] = initialTransition(machine, { id: 'f1', department: 'CT', level: 1, dueAt: '2026-03-10T00:00:00.000Z', recheckAfter: 'P30D' });
  return machine.resolveState({ value: state, context: { ...initial.context, data: { ...initial.context.data, ...data } } });
}

const openAction = { id: 'a1', owner: 'tech1', status: 'open' };
const doneAction = { ...openAction, status: 'done' };

describe('the transition the machine would take', () => {
  it('is none while a guard over the instance refuses it, and the step’s transition once it holds', () => {
    const event = { type: 'SUBMIT', data: {}, actor: 'head_ct', at: '2026-03-05T00:00:00.000Z' };
    expect(selectTransition(machine, snapshotAt('action_planned', { actions: [openAction] }), event)).toEqual({ accepted: true, transition: undefined });
    expect(selectTransition(machine, snapshotAt('action_planned', { actions: [doneAction] }), event)).toEqual({ accepted: true, transition: on('action_planned').SUBMIT });
  });

  it('is the machine’s own choice among a step’s transitions, and no step accepts what it has no handler for', () => {
    const [fixed, following] = on('open').PLAN as readonly unknown[];
    const plan = { type: 'PLAN', data: {}, actor: 'head_ct' };
    expect(selectTransition(machine, snapshotAt('open', { dueFixed: true }), plan)).toEqual({ accepted: true, transition: fixed });
    expect(selectTransition(machine, snapshotAt('open'), plan)).toEqual({ accepted: true, transition: following });
    expect(selectTransition(machine, snapshotAt('open'), { type: 'SUBMIT' })).toEqual({ accepted: false });
  });

  it('reads the event’s data when a guard does', () => {
    const snapshot = snapshotAt('action_planned', { actions: [openAction, { ...doneAction, id: 'a2' }] });
    const done = (actionId: string) => selectTransition(machine, snapshot, { type: 'ACTION_DONE', data: { actionId } });
    expect(done('a1')).toEqual({ accepted: true, transition: on('action_planned').ACTION_DONE });
    expect(done('a2')).toEqual({ accepted: true, transition: undefined });
    expect(done('a9')).toEqual({ accepted: true, transition: undefined });
  });

  it('is, for every step and every event it handles, the transition the machine itself takes', () => {
    const event = (type: string) => ({ type, data: {}, actor: 'head_ct', at: '2026-03-05T00:00:00.000Z' });
    for (const [state, spec] of Object.entries(finding.spec.states)) {
      const snapshot = snapshotAt(state, { actions: [doneAction] });
      for (const type of Object.keys(spec.on ?? {})) {
        const machineChoice = machine.getTransitionData(snapshot, event(type))[0]?.meta as { spec: unknown } | undefined;
        expect(selectTransition(machine, snapshot, event(type)), `${state} ${type}`).toEqual({ accepted: true, transition: machineChoice?.spec });
      }
    }
  });

  it('takes nothing: the snapshot is left as it was', () => {
    const snapshot = snapshotAt('action_planned', { actions: [doneAction] });
    const before = JSON.stringify(snapshot.context);
    selectTransition(machine, snapshot, { type: 'SUBMIT', data: {}, actor: 'head_ct' });
    possibleTransitions(machine, snapshot, { type: 'SUBMIT', actor: 'head_ct' });
    expect(JSON.stringify(snapshot.context)).toBe(before);
    expect(snapshot.value).toBe('action_planned');
  });
});

describe('the transitions an event may take before its data is known', () => {
  it('judges a guard over the instance, and leaves one over the event’s data to the event', () => {
    const planned = snapshotAt('action_planned', { actions: [openAction] });
    expect(possibleTransitions(machine, planned, { type: 'SUBMIT' })).toEqual([]);
    expect(possibleTransitions(machine, snapshotAt('action_planned', { actions: [doneAction] }), { type: 'SUBMIT' })).toEqual([on('action_planned').SUBMIT]);
    // Which action is done, and the verification note, come with the event.
    expect(possibleTransitions(machine, planned, { type: 'ACTION_DONE' })).toEqual([on('action_planned').ACTION_DONE]);
    expect(possibleTransitions(machine, snapshotAt('awaiting_verification'), { type: 'CLOSE' })).toEqual([on('awaiting_verification').CLOSE]);
    // One extension request waits at a time, whatever the next one says.
    const waiting = snapshotAt('action_planned', { extensions: [{ id: 'e1', status: 'requested' }] });
    expect(possibleTransitions(machine, waiting, { type: 'REQUEST_EXTENSION' })).toEqual([]);
  });

  it('counts a data guard before the machine’s choice, and none after a choice that holds whatever the data', () => {
    const chain = compileChain(
      chainSpecSchema.parse({
        id: 'choices',
        version: 1,
        title: { 'zh-CN': '选择', en: 'Choices' },
        roles: ['office'],
        initial: 'a',
        states: {
          a: {
            title: { 'zh-CN': '甲', en: 'A' },
            on: {
              GO: [
                { roles: ['office'], target: 'b', guard: { field: 'event.data.fast', op: 'eq', value: true } },
                { roles: ['head'], target: 'c', guard: { field: 'context.data.ready', op: 'eq', value: true } },
                { roles: ['it'], target: 'b', guard: { field: 'context.data.items', op: 'anyMatch', value: { id: '$event.data.id' } } },
              ],
            },
          },
          b: { title: { 'zh-CN': '乙', en: 'B' }, type: 'final' },
          c: { title: { 'zh-CN': '丙', en: 'C' }, type: 'final' },
        },
      }),
      'test',
      () => undefined,
    );
    const [fast, ready, item] = chain.spec.states.a!.on!.GO as readonly unknown[];
    const at = (data: Record<string, unknown>) => chain.machine.resolveState({ value: 'a', context: { input: {}, data, breaches: [] } });
    expect(possibleTransitions(chain.machine, at({ ready: true }), { type: 'GO' })).toEqual([fast, ready]);
    expect(possibleTransitions(chain.machine, at({}), { type: 'GO' })).toEqual([fast, item]);
  });

  it('knows which guards read the event’s data', () => {
    expect(readsEventData({ field: 'event.data.note', op: 'exists' })).toBe(true);
    expect(readsEventData({ field: 'context.data.actions', op: 'anyMatch', value: { id: '$event.data.actionId' } })).toBe(true);
    expect(readsEventData({ not: { any: [{ field: 'context.data.x', op: 'eq', value: 1 }, { field: 'context.data.y', op: 'in', value: ['$event.data.y'] }] } })).toBe(true);
    expect(readsEventData({ field: 'context.data.actions', op: 'noneMatch', value: { status: 'open' } })).toBe(false);
    expect(readsEventData({ all: [{ field: 'event.actor', op: 'eq', value: '$context.data.assignee' }, { field: 'event.type', op: 'eq', value: 'xstate.init' }] })).toBe(false);
  });
});
