import { decideAccess } from '../../../core/access/decideAccess.js';
import { personActor } from '../../../core/actor/Actor.js';
import type { FindingStatus } from '../../../core/findings/Finding.js';
import { findingChain } from '../../../core/kernel/findingChain.js';
import type { Person } from '../../../core/org/OrgDirectory.js';
import type { AccessRule } from '../../../core/kernel/accessRule.js';

/** The finding actions the console offers. */
export type FindingAction = 'escalate' | 'close' | 'assign' | 'note';

/** The chain event each action sends. */
export const ACTION_EVENTS: Readonly<Record<FindingAction, string>> = {
  escalate: 'ESCALATE',
  close: 'CLOSE',
  assign: 'ASSIGN',
  note: 'NOTE',
};

/** Whether an action is offered, and if not, why. */
export type Availability = { readonly ok: true } | { readonly ok: false; readonly why: 'wrongStep' | 'notAllowed' | 'unknownPerson' };

type StateSpec = { readonly on?: Readonly<Record<string, AccessRule | readonly AccessRule[]>> };

/**
 * Whether `person` may take `action` on a finding in `status`, decided by the core's own
 * `decideAccess` (the function behind the engine's `can()`) over the finding chain's own
 * rules: the step must accept the event, and its rule must let the person through (`head`
 * only when `departmentLine`, the finding's department and its ancestors, contains the
 * person's department). The console greys out what this refuses; the engine decides again
 * in the event's transaction and has the last word. Pure.
 */
export function actionAvailability(
  action: FindingAction,
  finding: { readonly status: FindingStatus },
  departmentLine: readonly string[],
  person: Person | undefined,
): Availability {
  const states = findingChain.states as unknown as Readonly<Record<string, StateSpec>>;
  const handler = states[finding.status]?.on?.[ACTION_EVENTS[action]];
  if (!handler) return { ok: false, why: 'wrongStep' };
  if (!person || !person.active) return { ok: false, why: 'unknownPerson' };
  const department = departmentLine[0] ?? null;
  const allowed = [handler].flat().some(
    (rule) =>
      decideAccess({
        actor: personActor(person.id),
        person,
        orgKnown: true,
        rule,
        scope: { context: {}, event: {} },
        department,
        // The finding's own line is known; a person's department counts when it lies on it.
        departmentLine: (id) => (id === department ? departmentLine : [id]),
        what: ACTION_EVENTS[action],
      }).allowed,
  );
  return allowed ? { ok: true } : { ok: false, why: 'notAllowed' };
}
