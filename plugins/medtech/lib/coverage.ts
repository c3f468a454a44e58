/** One way a recorded list fails to cover an expected list exactly once. */
export type CoverageIssue =
  | { readonly kind: 'unexpected'; readonly value: string; readonly index: number }
  | { readonly kind: 'duplicate'; readonly value: string; readonly index: number; readonly firstIndex: number }
  | { readonly kind: 'missing'; readonly value: string };

/**
 * Checks that `recorded` names every value of `expected` exactly once and nothing else
 * (every roster person, every post). Returns the issues in list order, missing values
 * last; empty when the record is complete. Pure.
 *
 * @example
 * checkExactlyOnce(['p1', 'p2'], ['p1', 'p1'])
 * // [{ kind: 'duplicate', value: 'p1', index: 1, firstIndex: 0 }, { kind: 'missing', value: 'p2' }]
 */
export function checkExactlyOnce(expected: readonly string[], recorded: readonly string[]): CoverageIssue[] {
  const wanted = new Set(expected);
  const seen = new Map<string, number>();
  const issues: CoverageIssue[] = [];
  recorded.forEach((value, index) => {
    const first = seen.get(value);
    if (!wanted.has(value)) issues.push({ kind: 'unexpected', value, index });
    else if (first !== undefined) issues.push({ kind: 'duplicate', value, index, firstIndex: first });
    else seen.set(value, index);
  });
  for (const value of wanted) if (!seen.has(value)) issues.push({ kind: 'missing', value });
  return issues;
}
