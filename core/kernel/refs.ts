/**
 * References inside chain files: a string starting with `$` names a value of the event or
 * the instance context (`$event.data.present`, `$context.input.department`, `$event.actor`),
 * or, inside a `forEach` effect, the current item (`$item.person`). Anything else is a
 * literal. Resolution is pure: it reads only what it is given.
 */
export interface RefScope {
  readonly context: unknown;
  readonly event: unknown;
  /** The current item of a `forEach` effect; absent elsewhere. */
  readonly item?: unknown;
}

/**
 * The pattern a reference must match; checked when a chain is validated. A bare `$item`
 * names the item itself, for lists of plain values (department ids).
 */
export const REF_PATTERN = /^\$((context|event)(\.[A-Za-z0-9_-]+)+|item(\.[A-Za-z0-9_-]+)*)$/;

/** The pattern of a field path in a guard (`event.data.x`, `context.data.rate`). */
export const FIELD_PATTERN = /^(context|event|item)(\.[A-Za-z0-9_-]+)+$/;

/** Reads a dotted path (`event.data.x`) from the scope; `undefined` where it is missing. */
export function readPath(scope: RefScope, path: string): unknown {
  let value: unknown = scope;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Resolves one value: a `$` reference is read from the scope, a literal is returned as is. */
export function resolveValue(value: unknown, scope: RefScope): unknown {
  if (typeof value === 'string' && value.startsWith('$') && REF_PATTERN.test(value)) {
    return readPath(scope, value.slice(1));
  }
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, scope));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveValue(v, scope)]));
  }
  return value;
}
