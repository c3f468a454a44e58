import { formatPercent, type Localized, type ReportSection, type ReportSectionDefinition } from '../../../core/plugin/index.js';
import type { Ratio } from '../lib/trainingFigures.js';
import { both, counts } from '../locales/text.js';
import { queryTrainingReport, type TrainingReport } from './queryTrainingReport.js';

const STATUS: Readonly<Record<string, Localized>> = {
  planned: { 'zh-CN': '未举办', en: 'not held yet' },
  held: { 'zh-CN': '已举办', en: 'held' },
  cancelled: { 'zh-CN': '已取消', en: 'cancelled' },
};

/** Training (培训): sessions against plan, attendance, pass rate, people trained against the yearly target. */
export const trainingReportSection: ReportSectionDefinition = {
  id: 'training',
  title: { 'zh-CN': '培训', en: 'Training' },
  order: 40,
  build: async (ctx) => trainingSection(await queryTrainingReport(ctx), ctx.period.kind === 'year'),
};

/** Lays out the training report as a section. Pure. */
export function trainingSection(r: TrainingReport, withSentences: boolean): ReportSection {
  const ratioRow = (figure: Localized, x: Ratio) => ({ figure, numerator: x.numerator, denominator: x.denominator, rate: x.rate });
  return {
    data: r as unknown as Record<string, unknown>,
    tables: [
      {
        id: 'figures',
        title: { 'zh-CN': '培训指标', en: 'Training figures' },
        columns: [
          { key: 'figure', label: { 'zh-CN': '指标', en: 'Figure' }, format: 'text' },
          { key: 'numerator', label: { 'zh-CN': '分子', en: 'Numerator' }, format: 'integer' },
          { key: 'denominator', label: { 'zh-CN': '分母', en: 'Denominator' }, format: 'integer' },
          { key: 'rate', label: { 'zh-CN': '比率', en: 'Rate' }, format: 'percent' },
        ],
        rows: [
          ratioRow({ 'zh-CN': '培训计划完成率（已举办/计划）', en: 'Sessions held / planned' }, r.figures.sessionsHeld),
          ratioRow({ 'zh-CN': '出勤率（签到/应到）', en: 'Attendance (present / expected)' }, r.figures.attendance),
          ratioRow({ 'zh-CN': '考核合格率（合格/参考）', en: 'Pass rate (passed / assessed)' }, r.figures.passRate),
          ratioRow({ 'zh-CN': '年累计培训人数/年度目标', en: 'People trained this year / yearly target' }, r.yearToDate.peopleTrained),
        ],
      },
      {
        id: 'sessions',
        title: { 'zh-CN': '培训场次', en: 'Sessions' },
        columns: [
          { key: 'plannedDate', label: { 'zh-CN': '计划日期', en: 'Planned' }, format: 'text' },
          { key: 'topic', label: { 'zh-CN': '主题', en: 'Topic' }, format: 'text' },
          { key: 'kind', label: { 'zh-CN': '类别', en: 'Kind' }, format: 'text' },
          { key: 'department', label: { 'zh-CN': '组织科室', en: 'Organised by' }, format: 'department' },
          { key: 'status', label: { 'zh-CN': '状态', en: 'Status' }, format: 'text' },
          { key: 'expected', label: { 'zh-CN': '应到', en: 'Expected' }, format: 'integer' },
          { key: 'present', label: { 'zh-CN': '签到', en: 'Present' }, format: 'integer' },
          { key: 'assessed', label: { 'zh-CN': '参考', en: 'Assessed' }, format: 'integer' },
          { key: 'passed', label: { 'zh-CN': '合格', en: 'Passed' }, format: 'integer' },
          { key: 'trained', label: { 'zh-CN': '完成培训', en: 'Trained' }, format: 'integer' },
        ],
        rows: r.sessions.map((s) => ({
          plannedDate: s.plannedDate,
          topic: s.topic,
          kind: both(`training.kind.${s.kind}`),
          department: s.department,
          status: STATUS[s.status] ?? s.status,
          expected: s.expected,
          present: s.present,
          assessed: s.assessed,
          passed: s.passed,
          trained: s.trained,
        })),
      },
    ],
    charts: [{ id: 'figures', title: { 'zh-CN': '培训指标', en: 'Training figures' }, table: 'figures', label: 'figure', value: 'rate', target: 1 }],
    sentences: withSentences ? trainingSentences(r) : [],
    notes: [
      {
        'zh-CN': '计划场次含已取消和尚未举办的；出勤、合格按已举办场次的首次考核计（补考不计入合格率）；培训人数为通过考核或补考的不重复人数。',
        en: 'Planned sessions include cancelled ones and those not held yet; attendance and pass rate count held sessions’ first assessment (make-ups excluded); people trained are distinct people who passed the session or its make-up.',
      },
    ],
  };
}

function trainingSentences(r: TrainingReport): Localized[] {
  const f = r.figures;
  const people = r.yearToDate.peopleTrained;
  const versus = people.denominator > 0 ? both('report.versusTarget', { rate: formatPercent(people.rate), target: people.denominator }) : both('report.noTarget');
  return [
    both('report.year', {
      ...counts('report', { sessions: f.sessionsHeld.numerator, people: people.numerator, personTimes: r.yearToDate.personTimesTrained }),
      planned: f.sessionsHeld.denominator,
      sessionRate: formatPercent(f.sessionsHeld.rate),
      versus,
      attendance: formatPercent(f.attendance.rate),
      passRate: formatPercent(f.passRate.rate),
    }),
  ];
}
