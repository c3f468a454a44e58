import type { FieldProblem } from '../../../core/plugin/index.js';
import { checkExactlyOnce } from '../lib/coverage.js';
import { bilingual, both } from '../locales/text.js';

/**
 * Form problems for a list that must name each expected value exactly once: at the
 * item's field (`records.3.person`) for an unexpected or repeated value, at the list for
 * a value nobody recorded. Messages are in both languages: a form problem carries one
 * string and the engine does not pass the reader's language.
 */
export function coverageProblems(
  expected: readonly string[],
  items: readonly Record<string, unknown>[],
  list: string,
  field: string,
  what: 'coverage.people' | 'coverage.posts',
): FieldProblem[] {
  const recorded = items.map((item) => String(item[field] ?? ''));
  const whatText = both(what);
  return checkExactlyOnce(expected, recorded).map((issue) => {
    switch (issue.kind) {
      case 'unexpected':
        return { path: `${list}.${issue.index}.${field}`, message: bilingual('coverage.unexpected', { value: issue.value, what: whatText }) };
      case 'duplicate':
        return { path: `${list}.${issue.index}.${field}`, message: bilingual('coverage.duplicate', { value: issue.value, path: `${list}.${issue.firstIndex}` }) };
      case 'missing':
        return { path: list, message: bilingual('coverage.missing', { value: issue.value, what: whatText }) };
    }
  });
}
