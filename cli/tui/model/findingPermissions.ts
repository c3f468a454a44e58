import type { FindingStatus } from '../../../core/findings/Finding.js';
import { findingChain } from '../../../core/findings/findingChain.js';
import type { Person } from '../../../core/org/OrgDirectory.js';
import { DEPARTMENT_SCOPED_ROLES } from '../../../core/org/RoleAuthorizer.js';

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

type StateSpec = { readonly on?: Readonly<Record<string, { readonly roles?: readonly string[] } | readonly unknown[]>> };

/**
 * Whether `person` may take `action` on a finding in `status`, read from the finding
 * chain's own definition (the step must accept the event, and the person must hold one
 * of its roles; `head` counts only when `departmentLine` — the finding's department and
 * its ancestors — contains the person's department). The console greys out what this
 * refuses; the engine checks again and has the last word. Pure.
 */
export function actionAvailability(
  action: FindingAction,
  finding: { readonly status: FindingStatus },
  departmentLine: readonly string[],
  person: Person | undefined,
): Availability {
  const states = findingChain.states as unknown as Readonly<Record<string, StateSpec>>;
  const transition = states[finding.status]?.on?.[ACTION_EVENTS[action]];
  if (!transition) return { ok: false, why: 'wrongStep' };
  if (!person || !person.active) return { ok: false, why: 'unknownPerson' };
  const roles = Array.isArray(transition) ? undefined : (transition as { roles?: readonly string[] }).roles;
  if (!roles) return { ok: true };
  const allowed = roles.some(
    (role) => person.roles.includes(role) && (!DEPARTMENT_SCOPED_ROLES.includes(role) || (person.departmentId !== null && departmentLine.includes(person.departmentId))),
  );
  return allowed ? { ok: true } : { ok: false, why: 'notAllowed' };
}
