/**
 * Who may send an event, as a chain states it on a transition (or, for starting an
 * instance, on the chain). Allow rules: any one of `roles`, `assignee`, `actorIs`,
 * `anyone` lets a person through; refusals: `notOf` (no person of that department) and
 * `notActor` (not those persons) then say no, whatever allowed. A transition a person can
 * trigger must carry at least one allow rule (default-deny). Values may be references
 * (`$context.input.department`), resolved against the instance when asked.
 */
export interface AccessRule {
  readonly roles?: readonly string[];
  readonly assignee?: true;
  readonly actorIs?: string | readonly string[];
  readonly anyone?: true;
  readonly notOf?: string;
  readonly notActor?: string | readonly string[];
}

/** The allow rules, in the order error messages name them. */
export const ACCESS_RULE_KEYS = ['roles', 'assignee', 'actorIs', 'anyone'] as const;

/** True when the rule allows somebody: default-deny needs one of {@link ACCESS_RULE_KEYS}. */
export function hasAllowRule(rule: AccessRule): boolean {
  return ACCESS_RULE_KEYS.some((key) => rule[key] !== undefined);
}

/** Only the access fields of a transition or chain spec. */
export function accessRuleOf(spec: AccessRule): AccessRule {
  const { roles, assignee, actorIs, anyone, notOf, notActor } = spec;
  return { roles, assignee, actorIs, anyone, notOf, notActor };
}
