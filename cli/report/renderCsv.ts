import { stringify } from 'csv-stringify/sync';
import type { Language, Report, ReportColumn, ReportValue } from '../../core/index.js';
import { formatCell, isLocalized, type CellContext } from './formatCell.js';
import { reportText, reportTitle } from './reportText.js';

/**
 * The report as one CSV for spreadsheets: each table a block (a title line, a header
 * line, its rows) with an empty line between blocks; yearly reports start with the
 * year-end sentences (Chinese and English columns). Numbers stay numbers: counts as is,
 * percentages as percent values with two decimals (header marked `%`), days with two
 * decimals. UTF-8 with a BOM, so Excel reads the Chinese.
 */
export function renderCsv(report: Report, lang: Language): string {
  const ctx: CellContext = { lang, departments: report.departments, timeZone: report.period.timeZone };
  const records: (string | number)[][] = [[reportTitle(report, lang)]];
  const sentences = report.sectionOrder.flatMap((id) => report.sections[id]!.sentences ?? []);
  if (report.report === 'yearly' && sentences.length > 0) {
    records.push([], [reportText(lang, 'summary')], [reportText(lang, 'chinese'), reportText(lang, 'english')], ...sentences.map((s) => [s['zh-CN'], s.en]));
  }
  for (const id of report.sectionOrder) {
    const s = report.sections[id]!;
    for (const t of s.tables) {
      records.push([], [`${s.title[lang]} — ${t.title[lang]}`]);
      records.push(t.columns.map((c) => (c.format === 'percent' ? `${c.label[lang]} (%)` : c.label[lang])));
      for (const row of t.rows) records.push(t.columns.map((c) => csvCell(row[c.key], c, ctx)));
    }
  }
  for (const f of report.failures) records.push([], [reportText(lang, 'failures'), f.section, f.code, f.message]);
  return stringify(records, { bom: true, record_delimiter: 'windows' });
}

function csvCell(value: ReportValue | undefined, column: ReportColumn, ctx: CellContext): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (column.format === 'percent') return Math.round(value * 10_000) / 100;
    if (column.format === 'days' || column.format === 'decimal') return Math.round(value * 100) / 100;
    return value;
  }
  if (isLocalized(value)) return value[ctx.lang];
  return formatCell(value, column, ctx);
}
