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
  readonly actorIs?: string | readonly string[] | ItemPersonRef;
  readonly anyone?: true;
  readonly notOf?: string;
  readonly notActor?: string | readonly string[];
}

/**
 * The person a field of a list item names: the `pick` field of the items of `in` that
 * match every field of `match` (an action's owner: `{ in: $context.data.actions, match:
 * { id: $event.data.actionId }, pick: owner }`). A `match` value that resolves to nothing
 * (no event data, as `can()` asks without it) constrains nothing, so the question becomes
 * "the owner of any item"; the transition's guard still demands the item exists.
 */
export interface ItemPersonRef {
  readonly in: string;
  readonly match: Readonly<Record<string, unknown>>;
  readonly pick: string;
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
