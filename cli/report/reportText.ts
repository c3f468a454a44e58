import type { Language, Report } from '../../core/index.js';
import { cliText } from '../i18n/cliText.js';
import type { en } from '../i18n/locales/en.js';

/** The texts the report renderers add around the sections: `report.*` of the `cli` namespace. */
export type ReportTextKey = keyof typeof en.report;

/** A text the renderers add around the sections, in `lang`: `reportText('zh-CN', 'period')` → `统计期间`. */
export function reportText(lang: Language, key: ReportTextKey): string {
  return cliText.t(lang, `report.${key}`);
}

/** The report's title with its period: `医疗质量督办月报 2026-03`. */
export function reportTitle(report: Report, lang: Language): string {
  return `${reportText(lang, report.report)} ${report.period.label}`;
}

/** The scope line: the department's name (and id), or the whole hospital. */
export function scopeText(report: Report, lang: Language): string {
  const id = report.scope.department;
  if (!id) return reportText(lang, 'wholeHospital');
  const name = report.departments[id]?.[lang];
  return name ? `${name} (${id})` : id;
}

/** The period as local dates, `2026-03-01 – 2026-03-31`. */
export function periodText(report: Report): string {
  const last = new Date(Date.parse(`${report.period.toDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return `${report.period.fromDate} – ${last}`;
}
