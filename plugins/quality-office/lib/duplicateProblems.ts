import type { FieldProblem } from '../../../core/plugin/index.js';
import { say } from '../locales/text.js';

/**
 * A problem for every value listed a second time, at the path of the repeat, naming the
 * path of the first. Values that are not text are left to the form's own checks. Pure.
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
