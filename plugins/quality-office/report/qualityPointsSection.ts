import { formatDecimal, type Localized, type ReportContext, type ReportSection, type ReportSectionDefinition } from '../../../core/plugin/index.js';
import { computeQualityPoints, qualityPointWeights, type DepartmentQualityPoints, type QualityPointWeights } from './qualityPoints.js';

/** The monthly quality evaluation as the report shows it: the weights used and the ranking. */
export interface QualityPointsReport {
  readonly weights: QualityPointWeights;
  readonly departments: readonly DepartmentQualityPoints[];
}

/**
 * The monthly quality evaluation (质量积分): points per department from its findings by
 * severity and timeliness, ranked. Reads the report's shared findings figures and the
 * departments to rank (one query): the org's departments in scope that have no
 * sub-department (a parent's own findings still rank it), less `qualityPoints.exclude`.
 */
export async function queryQualityPoints(ctx: ReportContext): Promise<QualityPointsReport> {
  const config = (ctx.config.qualityPoints ?? {}) as Record<string, unknown>;
  const weights = qualityPointWeights(config);
  const exclude = Array.isArray(config.exclude) ? config.exclude.filter((x): x is string => typeof x === 'string') : [];
  const tree = await ctx.org.departmentParents();
  const parents = new Set([...tree.values()].filter((p): p is string => p !== null));
  const scope = ctx.departments;
  const leaves = [...tree.keys()].filter((id) => !parents.has(id) && (scope === null || scope.includes(id))).sort();
  const figures = await ctx.findingFigures();
  const ranked = computeQualityPoints(figures, leaves, weights).filter((d) => !exclude.includes(d.department));
  return { weights, departments: ranked };
}

/** The quality points ranking as a report section. */
export const qualityPointsReportSection: ReportSectionDefinition = {
  id: 'qualityPoints',
  title: { 'zh-CN': '科室质量积分排名', en: 'Quality points ranking' },
  order: 50,
  build: async (ctx) => qualityPointsSection(await queryQualityPoints(ctx), ctx.period.kind === 'year' ? ctx.departmentName : null),
};

/** Lays out the ranking as a section. Pure. */
export function qualityPointsSection(r: QualityPointsReport, sentencesWith: ((id: string) => Localized) | null): ReportSection {
  const w = r.weights;
  return {
    data: r as unknown as Record<string, unknown>,
    tables: [
      {
        id: 'ranking',
        title: { 'zh-CN': '质量积分排名', en: 'Ranking' },
        columns: [
          { key: 'rank', label: { 'zh-CN': '名次', en: 'Rank' }, format: 'integer' },
          { key: 'department', label: { 'zh-CN': '科室', en: 'Department' }, format: 'department' },
          { key: 'points', label: { 'zh-CN': '积分', en: 'Points' }, format: 'decimal' },
          { key: 'minor', label: { 'zh-CN': '一般问题', en: 'Minor' }, format: 'integer' },
          { key: 'major', label: { 'zh-CN': '严重问题', en: 'Major' }, format: 'integer' },
          { key: 'critical', label: { 'zh-CN': '危急问题', en: 'Critical' }, format: 'integer' },
          { key: 'overdue', label: { 'zh-CN': '逾期', en: 'Overdue' }, format: 'integer' },
          { key: 'closedLate', label: { 'zh-CN': '逾期销号', en: 'Closed late' }, format: 'integer' },
          { key: 'reopened', label: { 'zh-CN': '重新打开', en: 'Reopened' }, format: 'integer' },
        ],
        rows: r.departments.map((d) => ({ rank: d.rank, department: d.department, points: d.points, ...d.opened, overdue: d.overdue, closedLate: d.closedLate, reopened: d.reopened })),
      },
    ],
    charts: [{ id: 'points', title: { 'zh-CN': '科室质量积分', en: 'Quality points by department' }, table: 'ranking', label: 'department', value: 'points' }],
    sentences: sentencesWith ? sentences(r, sentencesWith) : [],
    notes: [
      {
        'zh-CN': `积分 = ${w.base} − 一般 ${w.severity.minor} × 新发现一般问题 − 严重 ${w.severity.major} × 严重问题 − 危急 ${w.severity.critical} × 危急问题 − ${w.overdue} × 期末逾期 − ${w.closedLate} × 逾期销号 − ${w.reopened} × 重新打开。`,
        en: `Points = ${w.base} − ${w.severity.minor} × minor − ${w.severity.major} × major − ${w.severity.critical} × critical findings opened − ${w.overdue} × overdue at the end − ${w.closedLate} × closed late − ${w.reopened} × reopened.`,
      },
    ],
  };
}

function sentences(r: QualityPointsReport, name: (id: string) => Localized): Localized[] {
  const top = r.departments.slice(0, 3);
  const last = r.departments.at(-1);
  if (!last) return [];
  return [
    {
      'zh-CN': `全年科室质量积分前三名为${top.map((d) => `${name(d.department)['zh-CN']}（${formatDecimal(d.points)} 分）`).join('、')}，末位为${name(last.department)['zh-CN']}（${formatDecimal(last.points)} 分）。`,
      en: `This year's top departments by quality points were ${top.map((d) => `${name(d.department).en} (${formatDecimal(d.points)})`).join(', ')}; last was ${name(last.department).en} (${formatDecimal(last.points)}).`,
    },
  ];
}
