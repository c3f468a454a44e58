import { findingChain } from '../kernel/findingChain.js';
import { SEVERITIES, type Severity } from '../findings/Finding.js';
import { coreText } from '../i18n/coreText.js';
import type { Localized } from '../i18n/Localized.js';
import type { FindingCounts, FindingFigures, TimeToClose } from './FindingFigures.js';
import { formatDays } from './formatFigure.js';
import type { ReportColumn, ReportSection, ReportSectionDefinition, ReportTable } from './ReportSection.js';

/** Severity names as the finding chain's form gives them. */
export const SEVERITY_LABELS: Readonly<Record<Severity, Localized>> = {
  minor: { 'zh-CN': '一般', en: 'Minor' },
  major: { 'zh-CN': '严重', en: 'Major' },
  critical: { 'zh-CN': '危急', en: 'Critical' },
};

const COUNT_COLUMNS: readonly ReportColumn[] = [
  { key: 'opened', label: { 'zh-CN': '新发现', en: 'Opened' }, format: 'integer' },
  { key: 'closed', label: { 'zh-CN': '销号', en: 'Closed' }, format: 'integer' },
  { key: 'closedLate', label: { 'zh-CN': '逾期销号', en: 'Closed late' }, format: 'integer' },
  { key: 'open', label: { 'zh-CN': '未销号', en: 'Open' }, format: 'integer' },
  { key: 'overdue', label: { 'zh-CN': '逾期', en: 'Overdue' }, format: 'integer' },
  { key: 'escalated', label: { 'zh-CN': '升级', en: 'Escalated' }, format: 'integer' },
  { key: 'reopened', label: { 'zh-CN': '重新打开', en: 'Reopened' }, format: 'integer' },
  { key: 'medianDays', label: { 'zh-CN': '销号中位天数', en: 'Median days to close' }, format: 'days' },
  { key: 'p90Days', label: { 'zh-CN': '销号 P90 天数', en: 'P90 days to close' }, format: 'days' },
];

/**
 * The core's report section: findings opened, closed, overdue, escalated and reopened by
 * department and severity, the time to close, and the ten oldest open. It knows no
 * department: it reads the findings read model and the audit log.
 */
export const findingsReportSection: ReportSectionDefinition = {
  id: 'findings',
  title: { 'zh-CN': '督办问题', en: 'Findings' },
  order: 0,
  build: async (ctx) => findingsSection(await ctx.findingFigures(), ctx.period.kind === 'year'),
};

/** Lays out findings figures as a report section; `withSentences` adds the year-end sentences. Pure. */
export function findingsSection(figures: FindingFigures, withSentences: boolean): ReportSection {
  const row = (counts: FindingCounts & { timeToClose: TimeToClose }) => ({
    opened: counts.opened,
    closed: counts.closed,
    closedLate: counts.closedLate,
    open: counts.open,
    overdue: counts.overdue,
    escalated: counts.escalated,
    reopened: counts.reopened,
    medianDays: counts.timeToClose.medianDays,
    p90Days: counts.timeToClose.p90Days,
  });
  return {
    data: figures as unknown as Record<string, unknown>,
    tables: [
      {
        id: 'byDepartment',
        title: { 'zh-CN': '各科室问题情况', en: 'Findings by department' },
        columns: [{ key: 'department', label: { 'zh-CN': '科室', en: 'Department' }, format: 'department' }, ...COUNT_COLUMNS],
        rows: [...figures.byDepartment.map((d) => ({ department: d.department, ...row(d) })), { department: { 'zh-CN': '合计', en: 'Total' }, ...row(figures.totals) }],
      },
      {
        id: 'bySeverity',
        title: { 'zh-CN': '按严重程度', en: 'Findings by severity' },
        columns: [{ key: 'severity', label: { 'zh-CN': '严重程度', en: 'Severity' }, format: 'text' }, ...COUNT_COLUMNS],
        rows: SEVERITIES.map((severity) => {
          const found = figures.bySeverity.find((s) => s.severity === severity);
          const none = { opened: 0, closed: 0, closedLate: 0, open: 0, overdue: 0, escalated: 0, reopened: 0, timeToClose: { count: 0, medianDays: null, p90Days: null } };
          return { severity: SEVERITY_LABELS[severity], ...row(found ?? none) };
        }),
      },
      {
        id: 'oldestOpen',
        title: { 'zh-CN': '未销号时间最长的十项问题', en: 'The ten oldest open findings' },
        columns: [
          { key: 'id', label: { 'zh-CN': '编号', en: 'Id' }, format: 'text' },
          { key: 'department', label: { 'zh-CN': '科室', en: 'Department' }, format: 'department' },
          { key: 'severity', label: { 'zh-CN': '严重程度', en: 'Severity' }, format: 'text' },
          { key: 'title', label: { 'zh-CN': '问题', en: 'Finding' }, format: 'text' },
          { key: 'status', label: { 'zh-CN': '状态', en: 'Status' }, format: 'text' },
          { key: 'openedAt', label: { 'zh-CN': '发现日期', en: 'Opened' }, format: 'date' },
          { key: 'ageDays', label: { 'zh-CN': '已历天数', en: 'Age (days)' }, format: 'days' },
          { key: 'overdue', label: { 'zh-CN': '逾期', en: 'Overdue' }, format: 'text' },
        ],
        rows: figures.oldestOpen.map((f) => ({
          id: f.id,
          department: f.department,
          severity: SEVERITY_LABELS[f.severity] ?? f.severity,
          title: f.title,
          status: statusLabel(f.status),
          openedAt: f.openedAt,
          ageDays: f.ageDays,
          overdue: f.overdue ? { 'zh-CN': '是', en: 'yes' } : { 'zh-CN': '否', en: 'no' },
        })),
      },
      ...capaTables(figures.capa),
    ],
    charts: [
      { id: 'openedByDepartment', title: { 'zh-CN': '各科室新发现问题', en: 'Findings opened by department' }, table: 'byDepartment', label: 'department', value: 'opened' },
      { id: 'overdueByDepartment', title: { 'zh-CN': '各科室逾期问题', en: 'Overdue findings by department' }, table: 'byDepartment', label: 'department', value: 'overdue' },
    ],
    sentences: withSentences ? findingSentences(figures) : [],
    notes: [
      {
        'zh-CN': '新发现、销号、升级、重新打开按本期内发生计（每项问题至多计一次）；未销号与逾期为期末状态。销号天数：中位数；P90 为最近秩法第 90 百分位。',
        en: 'Opened, closed, escalated and reopened count what happened in the period (each finding at most once); open and overdue are states at the end of the period. Days to close: the median; P90 is the 90th percentile by nearest rank.',
      },
    ],
  };
}

function findingSentences(f: FindingFigures): Localized[] {
  const t = f.totals;
  const { closed, closedLate, open, overdue, escalated, reopened } = t;
  const opened = coreText.both('report.findings', { count: t.opened });
  const sentences: Localized[] = [coreText.both('report.findingsYear', { opened, closed, closedLate, open, overdue, escalated, reopened })];
  if (t.timeToClose.count > 0) {
    sentences.push({
      'zh-CN': `问题从发现到销号的中位时长为 ${formatDays(t.timeToClose.medianDays)} 天，90% 的问题在 ${formatDays(t.timeToClose.p90Days)} 天内销号。`,
      en: `The median time from finding to closing was ${formatDays(t.timeToClose.medianDays)} days; 90% were closed within ${formatDays(t.timeToClose.p90Days)} days.`,
    });
  }
  return sentences;
}

function statusLabel(status: string): Localized | string {
  const states = findingChain.states as Record<string, { title?: Localized }>;
  return states[status]?.title ?? status;
}

const ROOT_CAUSE_LABELS: Readonly<Record<string, Localized>> = Object.fromEntries(
  findingChain.states.open.on.ROOT_CAUSE.form.category.options.map((o) => [o.value, o.label]),
);

/** The CAPA tables: action timeliness and extensions in one, root-cause categories per department in another. */
function capaTables(capa: FindingFigures['capa']): ReportTable[] {
  const figure = (zh: string, en: string, value: number) => ({ figure: { 'zh-CN': zh, en }, value });
  return [
    {
      id: 'capa',
      title: { 'zh-CN': '整改措施与延期', en: 'Corrective actions and extensions' },
      columns: [
        { key: 'figure', label: { 'zh-CN': '指标', en: 'Figure' }, format: 'text' },
        { key: 'value', label: { 'zh-CN': '数值', en: 'Value' }, format: 'integer' },
      ],
      rows: [
        figure('本期到期措施', 'Actions due in the period', capa.actionsDue),
        figure('按期完成', 'Done on time', capa.actionsOnTime),
        figure('逾期完成', 'Done late', capa.actionsLate),
        figure('尚未完成', 'Not done', capa.actionsOpen),
        figure('延期申请', 'Extensions requested', capa.extensionsRequested),
        figure('延期批准', 'Extensions granted', capa.extensionsGranted),
        figure('延期驳回', 'Extensions refused', capa.extensionsRefused),
      ],
    },
    {
      id: 'rootCauses',
      title: { 'zh-CN': '各科室根因类别', en: 'Root-cause categories by department' },
      columns: [
        { key: 'department', label: { 'zh-CN': '科室', en: 'Department' }, format: 'department' },
        { key: 'category', label: { 'zh-CN': '根因类别', en: 'Root-cause category' }, format: 'text' },
        { key: 'count', label: { 'zh-CN': '问题数', en: 'Findings' }, format: 'integer' },
      ],
      rows: capa.rootCauses.map((c) => ({ department: c.department, category: ROOT_CAUSE_LABELS[c.category] ?? c.category, count: c.count })),
    },
  ];
}
