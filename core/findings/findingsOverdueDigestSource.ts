import type { OverdueDigestSource } from '../schedule/OverdueDigestSource.js';
import { OrgDirectory } from '../org/OrgDirectory.js';
import type { Db } from '../store/Store.js';
import { OPEN_STATUSES } from './Finding.js';

/**
 * The overdue-findings digest of schedules, read from the findings read model: open
 * findings past their due instant, of the department and the departments below it (or
 * all), most overdue first.
 */
export function findingsOverdueDigestSource(db: Db): OverdueDigestSource {
  return {
    async overdueFindings({ at, department }) {
      let query = db
        .selectFrom('findings')
        .selectAll()
        .where('status', 'in', [...OPEN_STATUSES])
        .where('due_at', '<', at.toISOString())
        .orderBy('due_at');
      if (department) query = query.where('department_id', 'in', [...(await new OrgDirectory(db).directory()).subtree(department)]);
      const rows = await query.execute();
      return rows.map((r) => ({
        id: r.id,
        departmentId: r.department_id,
        title: { 'zh-CN': r.title_zh, en: r.title_en },
        severity: r.severity,
        dueAt: r.due_at!,
        level: Number(r.level),
        assignee: r.assignee,
      }));
    },
  };
}
