import type { AccessDecision } from '../../../core/access/AccessDecision.js';

/** The finding actions the console offers, in the order help and the palette list them. */
export const FINDING_ACTIONS = [
  'ack',
  'rootCause',
  'plan',
  'done',
  'evidence',
  'requestExtension',
  'submitFinding',
  'note',
  'assign',
  'escalate',
  'grantExtension',
  'refuseExtension',
  'setDue',
  'reject',
  'close',
  'reopen',
] as const;

/** One of {@link FINDING_ACTIONS}. */
export type FindingAction = (typeof FINDING_ACTIONS)[number];

/** The chain event each action sends: what `can()` is asked about. */
export const ACTION_EVENTS: Readonly<Record<FindingAction, string>> = {
  ack: 'ACK',
  rootCause: 'ROOT_CAUSE',
  plan: 'PLAN',
  done: 'ACTION_DONE',
  evidence: 'EVIDENCE',
  requestExtension: 'REQUEST_EXTENSION',
  submitFinding: 'SUBMIT',
  note: 'NOTE',
  assign: 'ASSIGN',
  escalate: 'ESCALATE',
  grantExtension: 'GRANT_EXTENSION',
  refuseExtension: 'REFUSE_EXTENSION',
  setDue: 'SET_DUE',
  reject: 'REJECT',
  close: 'CLOSE',
  reopen: 'REOPEN',
};

/** A part of an action's input that one prompt asks for. */
export type InputStage = 'text' | 'person' | 'owner' | 'due' | 'kind' | 'category' | 'actionId';

/**
 * What an action asks before it runs, prompt by prompt: nothing, a line of text (a
 * reason, a note, a file's path), a person, a day, a choice (an action's kind, a root
 * cause's category), or which open action is done.
 */
export const ACTION_STAGES: Readonly<Record<FindingAction, readonly InputStage[]>> = {
  ack: [],
  rootCause: ['category', 'text'],
  plan: ['text', 'owner', 'due', 'kind'],
  done: ['actionId'],
  evidence: ['text'],
  requestExtension: ['due', 'text'],
  submitFinding: [],
  note: ['text'],
  assign: ['person'],
  escalate: ['text'],
  grantExtension: [],
  refuseExtension: ['text'],
  setDue: ['due', 'text'],
  reject: ['text'],
  close: ['text'],
  reopen: ['text'],
};

/**
 * Actions that cannot be taken back, so they ask "y/N" first even on one finding: an
 * acknowledgement, an action marked done, a submission, an escalation and an answer to
 * an extension stay in the record, and a due date the office fixes is never moved by the
 * plan again; a close is undone by reopening and a rejection by resubmitting.
 */
export const IRREVERSIBLE: ReadonlySet<FindingAction> = new Set(['ack', 'done', 'submitFinding', 'escalate', 'grantExtension', 'refuseExtension', 'setDue']);

/**
 * Whether an action is offered, and if not, why: not in this step, not possible now (the
 * step's conditions do not hold: an action still open), not the person's to take, or not
 * known yet.
 */
export type Availability = { readonly ok: true } | { readonly ok: false; readonly why: 'wrongStep' | 'notNow' | 'notAllowed' | 'unknownPerson' | 'unknown' };

/** What `can()` answered for each event of one finding. */
export type FindingDecisions = ReadonlyMap<string, AccessDecision>;

/**
 * An action's availability from the core's own `can()` answers for the finding (the
 * console holds no rule of its own); `unknown` while they are being read. The engine
 * decides again in the event's transaction and has the last word. Pure.
 */
export function availabilityOf(action: FindingAction, decisions: FindingDecisions | undefined): Availability {
  const decision = decisions?.get(ACTION_EVENTS[action]);
  if (!decision) return { ok: false, why: 'unknown' };
  if (decision.allowed) return { ok: true };
  if (decision.code === 'EVENT_NOT_ACCEPTED') return { ok: false, why: 'wrongStep' };
  if (decision.code === 'GUARD_REJECTED') return { ok: false, why: 'notNow' };
  return { ok: false, why: decision.code === 'UNKNOWN_PERSON' ? 'unknownPerson' : 'notAllowed' };
}
