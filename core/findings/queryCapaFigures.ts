import type { Kysely } from 'kysely';
import type { CapaFigures } from '../report/FindingFigures.js';
import type { ReportPeriod } from '../report/ReportPeriod.js';
import type { DubanSchema } from '../store/schema.js';
import { inDepartments } from '../store/inDepartments.js';
import { endOfDay } from './endOfDay.js';

/**
 * The corrective-action figures of a period, from the CAPA rows the findings projection
 * keeps (finding_actions, finding_extensions, findings.root_cause_category):
 * - actions due in the period (their due day in it): on time when done by the end of the
 *   due day in the hospital's zone, late when done after it, open when not done;
 * - extension requests made in the period, and those granted or refused in it;
 * - root-cause categories of the findings opened in the period, per department.
 */
export async function queryCapaFigures(db: Kysely<DubanSchema>, period: ReportPeriod, departments: readonly string[] | null): Promise<CapaFigures> {
  const actions = await inDepartments(
    db.selectFrom('finding_actions').select(['due', 'status', 'done_at']).where('due', '>=', period.fromDate).where('due', '<', period.toDate),
    'department_id',
    departments,
  ).execute();
  let onTime = 0;
  let late = 0;
  for (const a of actions) {
    if (a.status !== 'done' || !a.done_at) continue;
    if (a.done_at <= endOfDay(a.due, period.timeZone)) onTime++;
    else late++;
  }
  const requested = await inDepartments(
    db.selectFrom('finding_extensions').select((eb) => eb.fn.countAll<number>().as('n')).where('requested_at', '>=', period.from).where('requested_at', '<', period.to),
    'department_id',
    departments,
  ).executeTakeFirst();
  const decided = await inDepartments(
    db
      .selectFrom('finding_extensions')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('decided_at', '>=', period.from)
      .where('decided_at', '<', period.to),
    'department_id',
    departments,
  )
    .groupBy('status')
    .execute();
  const causes = await inDepartments(
    db
      .selectFrom('findings')
      .select(['department_id', 'root_cause_category', (eb) => eb.fn.countAll<number>().as('n')])
      .where('opened_at', '>=', period.from)
      .where('opened_at', '<', period.to)
      .where('root_cause_category', 'is not', null),
    'department_id',
    departments,
  )
    .groupBy(['department_id', 'root_cause_category'])
    .orderBy('department_id')
    .orderBy('root_cause_category')
    .execute();
  const decidedAs = (status: string) => Number(decided.find((d) => d.status === status)?.n ?? 0);
  return {
    actionsDue: actions.length,
    actionsOnTime: onTime,
    actionsLate: late,
    actionsOpen: actions.length - onTime - late,
    extensionsRequested: Number(requested?.n ?? 0),
    extensionsGranted: decidedAs('granted'),
    extensionsRefused: decidedAs('refused'),
    rootCauses: causes.map((c) => ({ department: c.department_id, category: String(c.root_cause_category), count: Number(c.n) })),
  };
}
