/**
 * Limits a query to a scope of departments by `column`; unchanged for a whole-hospital
 * scope (`departments` null). An empty list matches nothing. Kysely's types cannot name
 * "a builder with where", hence the generic pass-through.
 *
 * @example inDepartments(db.selectFrom('tb_lab_round').selectAll(), 'department_id', ctx.departments)
 */
export function inDepartments<Q>(query: Q, column: string, departments: readonly string[] | null): Q {
  if (departments === null) return query;
  // No department id is a NUL character, so an empty scope selects no row.
  return (query as any).where(column, 'in', departments.length > 0 ? [...departments] : ['\u0000']);
}
