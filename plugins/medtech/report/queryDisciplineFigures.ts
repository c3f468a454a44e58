import type { ReportContext } from '../../../core/plugin/index.js';
import { DEFAULT_PUNCTUALITY_TARGET, type Punctuality } from '../lib/punctuality.js';
import type { DepartmentPunctuality, DisciplineFigures, ViolationCounts } from './DisciplineFigures.js';
import { queryDutyPostFollowUp } from './queryDutyPostFollowUp.js';

const VIOLATION_KINDS = ['late', 'left_early', 'away_from_post'] as const;

/**
 * The discipline figures of the report's period and departments, in four queries: the
 * period's discipline checks (their scored punctuality, one pass over their data), the
 * period's findings grouped by category (violations and duty-post lapses), and the duty-post
 * absences with what followed ({@link queryDutyPostFollowUp}, three queries).
 *
 * Punctuality per department = Σ on time / Σ (expected − on leave) over its checks, the
 * check's own rule summed (plugins/medtech/lib/punctuality.ts); compared with its latest
 * check's target exactly, in basis points.
 */
export async function queryDisciplineFigures(ctx: ReportContext): Promise<DisciplineFigures> {
  const { period, departments } = ctx;
  const hospitalTarget = typeof ctx.config.punctualityTarget === 'number' ? ctx.config.punctualityTarget : DEFAULT_PUNCTUALITY_TARGET;

  const checks = await ctx.instances.ofChain('discipline-check', { from: period.from, to: period.to, departments });
  const byDepartment = new Map<string, { checks: number; expected: number; onLeave: number; onTime: number; denominator: number; target: number; below: number }>();
  for (const check of checks) {
    const punctuality = check.data.punctuality as Punctuality | undefined;
    // A check not yet recorded and scored has no figure to add.
    if (!punctuality || typeof punctuality.denominator !== 'number') continue;
    const department = check.department ?? '';
    const d = byDepartment.get(department) ?? { checks: 0, expected: 0, onLeave: 0, onTime: 0, denominator: 0, target: hospitalTarget, below: 0 };
    d.checks += 1;
    d.expected += punctuality.expected;
    d.onLeave += punctuality.onLeave;
    d.onTime += punctuality.onTime;
    d.denominator += punctuality.denominator;
    d.target = punctuality.target;
    if (punctuality.belowTarget) d.below += 1;
    byDepartment.set(department, d);
  }
  const punctuality: DepartmentPunctuality[] = [...byDepartment.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([department, d]) => ({
      department,
      checks: d.checks,
      expected: d.expected,
      onLeave: d.onLeave,
      onTime: d.onTime,
      denominator: d.denominator,
      rate: d.denominator > 0 ? d.onTime / d.denominator : null,
      target: d.target,
      met: d.denominator > 0 ? meets(d.onTime, d.denominator, d.target) : null,
      checksBelowTarget: d.below,
    }));
  const onTime = punctuality.reduce((n, p) => n + p.onTime, 0);
  const denominator = punctuality.reduce((n, p) => n + p.denominator, 0);

  const categories = await ctx.findings.countByCategory({
    openedFrom: period.from,
    openedBefore: period.to,
    ...(departments ? { departments } : {}),
    categoryPrefixes: ['discipline.', 'duty-post.'],
  });
  const violations = new Map<string, Record<(typeof VIOLATION_KINDS)[number], number>>();
  let handoverIncomplete = 0;
  let workLogMissing = 0;
  for (const row of categories) {
    const n = row.count;
    const kind = row.category.replace(/^discipline\./, '') as (typeof VIOLATION_KINDS)[number];
    if (row.category.startsWith('discipline.') && VIOLATION_KINDS.includes(kind)) {
      const counts = violations.get(row.department) ?? { late: 0, left_early: 0, away_from_post: 0 };
      counts[kind] += n;
      violations.set(row.department, counts);
    } else if (row.category === 'duty-post.handover_incomplete') handoverIncomplete += n;
    else if (row.category === 'duty-post.work_log_missing') workLogMissing += n;
  }
  const violationRows = [...violations.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([department, c]) => ({ department, ...withTotal(c) }));
  const byKind = withTotal({
    late: violationRows.reduce((n, r) => n + r.late, 0),
    left_early: violationRows.reduce((n, r) => n + r.left_early, 0),
    away_from_post: violationRows.reduce((n, r) => n + r.away_from_post, 0),
  });

  const followUp = await queryDutyPostFollowUp(ctx);
  return {
    punctuality: {
      checks: punctuality.reduce((n, p) => n + p.checks, 0),
      onTime,
      denominator,
      rate: denominator > 0 ? onTime / denominator : null,
      target: hospitalTarget,
      departmentsMet: punctuality.filter((p) => p.met === true).length,
      departmentsBelow: punctuality.filter((p) => p.met === false).length,
      byDepartment: punctuality,
    },
    violations: { byKind, byDepartment: violationRows },
    dutyPost: { ...followUp, handoverIncomplete, workLogMissing },
  };
}

/** on time / denominator ≥ target, compared in basis points as the check itself does (49 of 50 meets 0.98). */
function meets(onTime: number, denominator: number, target: number): boolean {
  return onTime * 10_000 >= Math.round(target * 10_000) * denominator;
}

function withTotal(c: Record<(typeof VIOLATION_KINDS)[number], number>): ViolationCounts {
  return { ...c, total: c.late + c.left_early + c.away_from_post };
}
