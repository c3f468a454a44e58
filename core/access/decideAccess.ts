import { isReservedActorId, isSystemActor, type Actor } from '../actor/Actor.js';
import type { Person } from '../org/Person.js';
import type { AccessRule, ItemPersonRef } from '../kernel/accessRule.js';
import { matches } from '../kernel/guards.js';
import { resolveValue, type RefScope } from '../kernel/refs.js';
import { ALLOWED, type AccessDecision } from './AccessDecision.js';

/** Roles that count only within the person's own department (and the departments below it). */
export const DEPARTMENT_SCOPED_ROLES: readonly string[] = ['head'];

/** Everything a decision needs, gathered by the caller; {@link decideAccess} reads nothing else. */
export interface AccessFacts {
  readonly actor: Actor;
  /** The acting person as the org knows them; undefined for an unknown id. */
  readonly person: Person | undefined;
  /** True once an org is imported (any person exists). */
  readonly orgKnown: boolean;
  readonly rule: AccessRule;
  /** Resolves the rule's references: the instance's context and the event. */
  readonly scope: RefScope;
  /** The department the instance or chain concerns (`head` counts only within its line). */
  readonly department: string | null;
  /** The step's assignee, for the `assignee` rule. */
  readonly assignee?: { readonly person: string | null; readonly role: string | null };
  /** A department and its ancestors, nearest first. */
  readonly departmentLine: (department: string) => readonly string[];
  /** What is asked, for messages: `ACK`, `start`. */
  readonly what: string;
  /** Before an org is imported, an unknown person passes rules that allow `anyone`, or all rules when true. */
  readonly openBeforeOrg?: boolean;
}

/**
 * May this actor do this? Pure: the same facts always give the same answer. The engine's
 * own actors may; a person must be allowed by a rule that names them (a role, being the
 * step's assignee, being the person a field names, or `anyone`), and is then refused by a
 * conflict of interest (`notOf`, `notActor`) whatever allowed them.
 */
export function decideAccess(facts: AccessFacts): AccessDecision {
  const { actor, person, rule } = facts;
  if (isSystemActor(actor)) return ALLOWED;
  if (isReservedActorId(actor.id)) {
    return refuse('NOT_ALLOWED', `"${actor.id}" is an id of the engine itself; no person may act as it`);
  }
  if (!person) {
    if (!facts.orgKnown && (rule.anyone || facts.openBeforeOrg)) return ALLOWED;
    if (!facts.orgKnown) {
      return refuse('UNKNOWN_PERSON', `no org is imported yet, so nobody may ${facts.what}: import one first (duban org import <file>)`);
    }
    return refuse('UNKNOWN_PERSON', `"${actor.id}" is not a person of the org; use --as with a person id`);
  }
  if (!person.active) return refuse('NOT_ALLOWED', `${person.id} is inactive`);
  const inLine = (department: string | null | undefined) =>
    !!department && !!person.departmentId && facts.departmentLine(department).includes(person.departmentId);
  const holds = (role: string) => person.roles.includes(role) && (!DEPARTMENT_SCOPED_ROLES.includes(role) || inLine(facts.department));
  const named = (refs: AccessRule['actorIs']) => personIds(refs, facts.scope).includes(person.id);

  const allowed =
    rule.anyone === true ||
    (rule.roles ?? []).some(holds) ||
    (rule.assignee === true && !!facts.assignee && (facts.assignee.person === person.id || (!!facts.assignee.role && holds(facts.assignee.role)))) ||
    named(rule.actorIs);
  if (!allowed) {
    const needs = describeNeeds(rule);
    const who = `${person.id} (${person.roles.join(', ') || 'no role'}${person.departmentId ? ` of ${person.departmentId}` : ''})`;
    return refuse('NOT_ALLOWED', `${who} may not ${facts.what}${facts.department ? ` for ${facts.department}` : ''}: it needs ${needs.join(' or ')}`, needs);
  }
  const excluded = rule.notOf === undefined ? undefined : resolveValue(rule.notOf, facts.scope);
  if (typeof excluded === 'string' && person.departmentId && facts.departmentLine(person.departmentId).includes(excluded)) {
    return refuse('NOT_ALLOWED', `${person.id} is of ${excluded}, which this concerns, and may not ${facts.what}`);
  }
  if (named(rule.notActor)) {
    return refuse('NOT_ALLOWED', `${person.id} already took part in this and may not ${facts.what} (a third person must)`);
  }
  return ALLOWED;
}

/** The allow rules of `rule`, as words for a refusal. */
function describeNeeds(rule: AccessRule): string[] {
  const needs = [...(rule.roles ?? [])];
  if (rule.assignee) needs.push('the assignee');
  if (isItemRef(rule.actorIs)) needs.push(`the ${rule.actorIs.pick} named by ${rule.actorIs.in}`);
  else if (rule.actorIs !== undefined) needs.push(`the person named by ${[rule.actorIs].flat().join(', ')}`);
  return needs.length > 0 ? needs : ['a rule that names them'];
}

// The person ids references name: a field may hold one id or a list of them.
function personIds(refs: string | readonly string[] | ItemPersonRef | undefined, scope: RefScope): string[] {
  if (refs === undefined) return [];
  if (isItemRef(refs)) {
    const items = resolveValue(refs.in, scope);
    // Unresolved match values constrain nothing (see ItemPersonRef).
    const match = Object.fromEntries(Object.entries(resolveValue(refs.match, scope) as Record<string, unknown>).filter(([, v]) => v !== undefined));
    return (Array.isArray(items) ? items : [])
      .filter((item) => matches(item, match))
      .map((item) => (item as Record<string, unknown>)[refs.pick])
      .filter((v): v is string => typeof v === 'string');
  }
  return [refs]
    .flat()
    .flatMap((ref) => [resolveValue(ref, scope)].flat())
    .filter((v): v is string => typeof v === 'string');
}

function isItemRef(refs: unknown): refs is ItemPersonRef {
  return refs !== null && typeof refs === 'object' && !Array.isArray(refs);
}

function refuse(code: 'NOT_ALLOWED' | 'UNKNOWN_PERSON', reason: string, needs?: readonly string[]): AccessDecision {
  return needs ? { allowed: false, code, reason, needs } : { allowed: false, code, reason };
}
