/**
 * Limits a query to the report's departments by `column`; unchanged for a whole-hospital
 * report (`departments` null). An empty list matches nothing. Kysely's types cannot name
 * "a builder with where", hence the generic pass-through.
 *
 * @example inDepartments(db.selectFrom('findings').selectAll(), 'department_id', ctx.departments)
 */
export function inDepartments<Q>(query: Q, column: string, departments: readonly string[] | null): Q {
  if (departments === null) return query;
  // No department id is a NUL character, so an empty scope selects no row.
  return (query as any).where(column, 'in', departments.length > 0 ? [...departments] : ['\u0000']);
}

/**
 * The chain context (`input`, `data`) of an instance row's stored snapshot, for section
 * builders that fold a period's instances in one pass. Missing parts read as `{}`.
 */
export function snapshotContext(snapshot: string): { readonly input: Record<string, unknown>; readonly data: Record<string, unknown> } {
  const parsed = JSON.parse(snapshot) as { context?: { input?: Record<string, unknown>; data?: Record<string, unknown> } };
  return { input: parsed.context?.input ?? {}, data: parsed.context?.data ?? {} };
}
