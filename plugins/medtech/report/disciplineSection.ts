import { formatPercent, type Localized, type ReportSection, type ReportSectionDefinition } from '../../../core/plugin/index.js';
import type { DisciplineFigures, DutyPostAbsence } from './DisciplineFigures.js';
import { both, counts } from '../locales/text.js';
import { queryDisciplineFigures } from './queryDisciplineFigures.js';

const YES: Localized = { 'zh-CN': '是', en: 'yes' };
const NO: Localized = { 'zh-CN': '否', en: 'no' };

const MEETING: Readonly<Record<DutyPostAbsence['meeting'], Localized>> = {
  held: { 'zh-CN': '已召开', en: 'held' },
  overdue: { 'zh-CN': '逾期未开', en: 'overdue' },
  pending: { 'zh-CN': '待召开', en: 'pending' },
  none: { 'zh-CN': '未发起', en: 'none started' },
};

const REINSPECTION: Readonly<Record<DutyPostAbsence['reinspection'], Localized>> = {
  passed: { 'zh-CN': '复查在岗', en: 'present' },
  'absent-again': { 'zh-CN': '复查仍不在岗', en: 'absent again' },
  pending: { 'zh-CN': '待复查', en: 'pending' },
};

/**
 * Discipline (劳动纪律): punctuality per department against its target, violations by
 * kind, and duty-post absences with what followed (meeting held, re-inspection passed).
 */
export const disciplineReportSection: ReportSectionDefinition = {
  id: 'discipline',
  title: { 'zh-CN': '劳动纪律与值班在岗', en: 'Discipline and duty posts' },
  order: 20,
  build: async (ctx) => disciplineSection(await queryDisciplineFigures(ctx), ctx.period.kind === 'year'),
};

/** Lays out the discipline figures as a report section. Pure. */
export function disciplineSection(f: DisciplineFigures, withSentences: boolean): ReportSection {
  const p = f.punctuality;
  const d = f.dutyPost;
  const v = f.violations.byKind;
  return {
    data: f as unknown as Record<string, unknown>,
    tables: [
      {
        id: 'punctuality',
        title: { 'zh-CN': '各科室准时率', en: 'Punctuality by department' },
        columns: [
          { key: 'department', label: { 'zh-CN': '科室', en: 'Department' }, format: 'department' },
          { key: 'checks', label: { 'zh-CN': '检查次数', en: 'Checks' }, format: 'integer' },
          { key: 'onTime', label: { 'zh-CN': '准时人次', en: 'On time' }, format: 'integer' },
          { key: 'denominator', label: { 'zh-CN': '应到人次（除请假）', en: 'Due (less on leave)' }, format: 'integer' },
          { key: 'rate', label: { 'zh-CN': '准时率', en: 'Punctuality' }, format: 'percent' },
          { key: 'target', label: { 'zh-CN': '目标', en: 'Target' }, format: 'percent' },
          { key: 'met', label: { 'zh-CN': '达标', en: 'Met' }, format: 'text' },
        ],
        rows: [
          ...p.byDepartment.map((r) => ({ department: r.department, checks: r.checks, onTime: r.onTime, denominator: r.denominator, rate: r.rate, target: r.target, met: r.met === null ? null : r.met ? YES : NO })),
          { department: { 'zh-CN': '合计', en: 'Total' }, checks: p.checks, onTime: p.onTime, denominator: p.denominator, rate: p.rate, target: p.target, met: p.rate === null ? null : p.onTime * 10_000 >= Math.round(p.target * 10_000) * p.denominator ? YES : NO },
        ],
      },
      {
        id: 'violations',
        title: { 'zh-CN': '违纪情况（按类别）', en: 'Violations by kind' },
        columns: [
          { key: 'department', label: { 'zh-CN': '科室', en: 'Department' }, format: 'department' },
          { key: 'late', label: { 'zh-CN': '迟到', en: 'Late' }, format: 'integer' },
          { key: 'left_early', label: { 'zh-CN': '早退', en: 'Left early' }, format: 'integer' },
          { key: 'away_from_post', label: { 'zh-CN': '离岗串岗', en: 'Away from post' }, format: 'integer' },
          { key: 'total', label: { 'zh-CN': '合计', en: 'Total' }, format: 'integer' },
        ],
        rows: [...f.violations.byDepartment.map((r) => ({ ...r })), { department: { 'zh-CN': '合计', en: 'Total' }, ...v }],
      },
      {
        id: 'dutyPost',
        title: { 'zh-CN': '值班在岗检查', en: 'Duty-post inspections' },
        columns: [
          { key: 'figure', label: { 'zh-CN': '项目', en: 'Figure' }, format: 'text' },
          { key: 'value', label: { 'zh-CN': '数值', en: 'Value' }, format: 'integer' },
        ],
        rows: [
          { figure: { 'zh-CN': '检查次数', en: 'Inspections' }, value: d.inspections },
          { figure: { 'zh-CN': '检查岗次', en: 'Posts checked' }, value: d.postsChecked },
          { figure: { 'zh-CN': '值班不在岗', en: 'Absent from duty post' }, value: d.absences },
          { figure: { 'zh-CN': '已召开专题会议', en: 'Corrective meetings held' }, value: d.meetingsHeld },
          { figure: { 'zh-CN': '当事人检讨', en: 'Self-criticisms recorded' }, value: d.selfCriticisms },
          { figure: { 'zh-CN': '复查在岗', en: 'Re-inspections passed' }, value: d.reinspectionsPassed },
          { figure: { 'zh-CN': '复查仍不在岗', en: 'Absent again at re-inspection' }, value: d.reinspectionsAbsentAgain },
          { figure: { 'zh-CN': '待复查', en: 'Re-inspections pending' }, value: d.reinspectionsPending },
          { figure: { 'zh-CN': '交接班记录不完善', en: 'Handover record incomplete' }, value: d.handoverIncomplete },
          { figure: { 'zh-CN': '工作日志未存档', en: 'Work log not filed' }, value: d.workLogMissing },
        ],
      },
      {
        id: 'absences',
        title: { 'zh-CN': '值班不在岗及后续处理', en: 'Absences from duty posts and what followed' },
        columns: [
          { key: 'foundAt', label: { 'zh-CN': '发现时间', en: 'Found' }, format: 'datetime' },
          { key: 'department', label: { 'zh-CN': '科室', en: 'Department' }, format: 'department' },
          { key: 'post', label: { 'zh-CN': '岗位', en: 'Post' }, format: 'text' },
          { key: 'person', label: { 'zh-CN': '值班人员', en: 'On duty' }, format: 'text' },
          { key: 'meeting', label: { 'zh-CN': '专题会议', en: 'Meeting' }, format: 'text' },
          { key: 'selfCriticism', label: { 'zh-CN': '检讨', en: 'Self-criticism' }, format: 'text' },
          { key: 'reinspection', label: { 'zh-CN': '复查', en: 'Re-inspection' }, format: 'text' },
        ],
        rows: d.absenceList.map((a) => ({
          foundAt: a.foundAt,
          department: a.department,
          post: a.postName,
          person: a.personName,
          meeting: MEETING[a.meeting],
          selfCriticism: a.selfCriticism ? YES : NO,
          reinspection: REINSPECTION[a.reinspection],
        })),
      },
    ],
    charts: [{ id: 'punctuality', title: { 'zh-CN': '各科室准时率与目标', en: 'Punctuality against target' }, table: 'punctuality', label: 'department', value: 'rate', target: p.target }],
    sentences: withSentences ? disciplineSentences(f) : [],
    notes: [
      {
        'zh-CN': '准时率 = 准时人次 ÷（应到人次 − 请假人次），按本期各次劳动纪律检查累计；与科室最近一次检查的目标比较。',
        en: 'Punctuality = on time ÷ (expected − on leave), summed over the period’s discipline checks; compared with the target of the department’s latest check.',
      },
    ],
  };
}

function disciplineSentences(f: DisciplineFigures): Localized[] {
  const p = f.punctuality;
  const v = f.violations.byKind;
  const d = f.dutyPost;
  const compared = p.rate === null ? null : p.onTime * 10_000 >= Math.round(p.target * 10_000) * p.denominator;
  return [
    both('report.discipline', {
      ...counts('report', { checks: p.checks, departments: p.departmentsMet, late: v.late, leftEarly: v.left_early, away: v.away_from_post }),
      rate: formatPercent(p.rate),
      compared: both(compared === null ? 'report.compared.none' : compared ? 'report.compared.met' : 'report.compared.short'),
      target: formatPercent(p.target),
      departmentsBelow: p.departmentsBelow,
    }),
    both('report.dutyPost', {
      ...counts('report', { inspections: d.inspections, posts: d.postsChecked, absences: d.absences, meetings: d.meetingsHeld, selfCriticisms: d.selfCriticisms }),
      passed: d.reinspectionsPassed,
      absentAgain: d.reinspectionsAbsentAgain,
      pending: d.reinspectionsPending,
    }),
  ];
}
