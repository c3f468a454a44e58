import { readPath, resolveValue, type RefScope } from './refs.js';

/** The comparison operators a guard may use. */
export const GUARD_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'exists', 'missing', 'contains', 'anyMatch', 'noneMatch'] as const;

/** One of {@link GUARD_OPS}. */
export type GuardOp = (typeof GUARD_OPS)[number];

/**
 * A declarative guard over event and context data. Chain files hold these, never code:
 * `{ field: event.data.rate, op: lt, value: $context.input.target }`,
 * combined with `all`, `any` and `not`.
 */
export type GuardExpr =
  | { readonly all: readonly GuardExpr[] }
  | { readonly any: readonly GuardExpr[] }
  | { readonly not: GuardExpr }
  | { readonly field: string; readonly op: GuardOp; readonly value?: unknown };

/** Evaluates a guard. Pure: the same scope always gives the same answer. */
export function evaluateGuard(expr: GuardExpr, scope: RefScope): boolean {
  if ('all' in expr) return expr.all.every((e) => evaluateGuard(e, scope));
  if ('any' in expr) return expr.any.some((e) => evaluateGuard(e, scope));
  if ('not' in expr) return !evaluateGuard(expr.not, scope);
  const actual = readPath(scope, expr.field);
  const expected = resolveValue(expr.value, scope);
  switch (expr.op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'gt':
      return comparable(actual, expected) && (actual as number) > (expected as number);
    case 'gte':
      return comparable(actual, expected) && (actual as number) >= (expected as number);
    case 'lt':
      return comparable(actual, expected) && (actual as number) < (expected as number);
    case 'lte':
      return comparable(actual, expected) && (actual as number) <= (expected as number);
    case 'in':
      return Array.isArray(expected) && expected.includes(actual);
    case 'notIn':
      return Array.isArray(expected) && !expected.includes(actual);
    case 'exists':
      return actual !== undefined && actual !== null;
    case 'missing':
      return actual === undefined || actual === null;
    case 'contains':
      return Array.isArray(actual) ? actual.includes(expected) : typeof actual === 'string' && actual.includes(String(expected));
    // List guards: `value` is an object of fields; an item matches when every field is equal.
    case 'anyMatch':
      return Array.isArray(actual) && actual.some((item) => matches(item, expected));
    case 'noneMatch':
      return !Array.isArray(actual) || !actual.some((item) => matches(item, expected));
  }
}

/**
 * True when a guard reads the event's data (`event.data.x`, `$event.data.x`): before the
 * data is known it cannot be judged, only the guards over the instance can.
 */
export function readsEventData(expr: GuardExpr): boolean {
  if ('all' in expr) return expr.all.some(readsEventData);
  if ('any' in expr) return expr.any.some(readsEventData);
  if ('not' in expr) return readsEventData(expr.not);
  return isEventData(expr.field) || mentionsEventData(expr.value);
}

function isEventData(path: string): boolean {
  return path === 'event.data' || path.startsWith('event.data.');
}

// A `$` reference to the event's data anywhere in a guard's value (a list guard's pattern, say).
function mentionsEventData(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('$') && isEventData(value.slice(1));
  if (Array.isArray(value)) return value.some(mentionsEventData);
  return value !== null && typeof value === 'object' && Object.values(value).some(mentionsEventData);
}

/** True when `item` has every field of `pattern` with an equal value. */
export function matches(item: unknown, pattern: unknown): boolean {
  if (item === null || typeof item !== 'object' || pattern === null || typeof pattern !== 'object') return false;
  return Object.entries(pattern).every(([k, v]) => (item as Record<string, unknown>)[k] === v);
}

// Ordering compares numbers with numbers and strings (ISO dates) with strings; anything
// else is false rather than JavaScript's coercion surprises.
function comparable(a: unknown, b: unknown): boolean {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
}
