import { sql } from 'kysely';
import { OPEN_STATUSES } from '../../../core/findings/Finding.js';
import type { Db } from '../../../core/store/Store.js';
import type { DepartmentCount } from './TuiData.js';

/**
 * Findings counted by department in one grouped query over the read model: open (the
 * department's to act on), overdue (open and past due at `now`) and awaiting
 * verification. Departments with none of the three are left out. Sums come back as text
 * on PostgreSQL, hence `Number`.
 */
export async function departmentCounts(db: Db, now: Date): Promise<DepartmentCount[]> {
  const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));
  const at = now.toISOString();
  const rows = await db
    .selectFrom('findings')
    .select([
      'department_id',
      sql<number>`sum(case when status in (${open}) then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when status in (${open}) and due_at < ${at} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when status = 'awaiting_verification' then 1 else 0 end)`.as('awaiting'),
    ])
    .where('status', '!=', 'closed')
    .groupBy('department_id')
    .orderBy('department_id')
    .execute();
  return rows
    .map((r) => ({ department: r.department_id, open: Number(r.open), overdue: Number(r.overdue), awaiting: Number(r.awaiting) }))
    .filter((r) => r.open + r.overdue + r.awaiting > 0);
}
