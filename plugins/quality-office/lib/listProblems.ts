import type { FieldProblem } from '../../../core/index.js';
import { say } from '../locales/text.js';

/**
 * A problem for every value listed a second time, at the path of the repeat, naming the
 * path of the first. Pure.
 *
 * @example
 * duplicateProblems(['p1', 'p2', 'p1'], (i) => `present.${i}`)
 * // [{ path: 'present.2', message: '"p1" is already listed at present.0' }]
 */
export function duplicateProblems(values: readonly unknown[], pathOf: (index: number) => string): FieldProblem[] {
  const first = new Map<string, number>();
  const problems: FieldProblem[] = [];
  values.forEach((value, index) => {
    if (typeof value !== 'string') return;
    const seen = first.get(value);
    if (seen === undefined) first.set(value, index);
    else problems.push({ path: pathOf(index), message: say('en', 'list.duplicate', { value, path: pathOf(seen) }) });
  });
  return problems;
}

/** The value as a list of records (items that are not objects are dropped); `[]` when not a list. */
export function recordsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object') : [];
}

/** The value as a list of strings (other items dropped); `[]` when not a list. */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
