import type { Language, Localized, Report } from '../../core/index.js';

/** The texts the report renderers add around the sections, in both languages. */
export const REPORT_TEXT = {
  monthly: { 'zh-CN': '医疗质量督办月报', en: 'Monthly quality report' },
  yearly: { 'zh-CN': '医疗质量督办年度报告', en: 'Yearly quality report' },
  period: { 'zh-CN': '统计期间', en: 'Period' },
  scope: { 'zh-CN': '范围', en: 'Scope' },
  wholeHospital: { 'zh-CN': '全院', en: 'Whole hospital' },
  generated: { 'zh-CN': '生成时间', en: 'Generated' },
  asOf: { 'zh-CN': '状态截至', en: 'States as of' },
  summary: { 'zh-CN': '年终总结要点（可直接粘贴）', en: 'Key sentences for the year-end summary (ready to paste)' },
  summarySheet: { 'zh-CN': '概要', en: 'Summary' },
  failures: { 'zh-CN': '未能生成的部分', en: 'Sections that could not be built' },
  notes: { 'zh-CN': '说明', en: 'Notes' },
  empty: { 'zh-CN': '本期无数据', en: 'No data in this period' },
  target: { 'zh-CN': '目标', en: 'target' },
  chinese: { 'zh-CN': '中文', en: 'Chinese' },
  english: { 'zh-CN': '英文', en: 'English' },
} as const satisfies Record<string, Localized>;

/** The report's title with its period: `医疗质量督办月报 2026-03`. */
export function reportTitle(report: Report, lang: Language): string {
  return `${REPORT_TEXT[report.report][lang]} ${report.period.label}`;
}

/** The scope line: the department's name (and id), or the whole hospital. */
export function scopeText(report: Report, lang: Language): string {
  const id = report.scope.department;
  if (!id) return REPORT_TEXT.wholeHospital[lang];
  const name = report.departments[id]?.[lang];
  return name ? `${name} (${id})` : id;
}

/** The period as local dates, `2026-03-01 – 2026-03-31`. */
export function periodText(report: Report): string {
  const last = new Date(Date.parse(`${report.period.toDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return `${report.period.fromDate} – ${last}`;
}
