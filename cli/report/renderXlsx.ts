import ExcelJS from 'exceljs';
import type { Language, Report, ReportColumn, ReportValue } from '../../core/index.js';
import { formatCell, isLocalized, type CellContext } from './formatCell.js';
import { periodText, reportText, reportTitle, scopeText } from './reportText.js';

const NUMBER_FORMAT: Partial<Record<ReportColumn['format'], string>> = {
  percent: '0.0%',
  days: '0.0',
  decimal: '0.##',
  integer: '0',
};

/**
 * The report as an xlsx workbook: a summary sheet (title, period, scope, the year-end
 * sentences in both languages), then one sheet per section with its tables one under
 * another. Numbers are real number cells (a percentage is the fraction with a percent
 * format), so offices can compute with them.
 */
export async function renderXlsx(report: Report, lang: Language): Promise<Buffer> {
  const ctx: CellContext = { lang, departments: report.departments, timeZone: report.period.timeZone };
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'duban';
  workbook.created = new Date(report.generatedAt);
  const names = new Set<string>();

  const summary = workbook.addWorksheet(sheetName(reportText(lang, 'summarySheet'), names));
  summary.addRow([reportTitle(report, lang)]).font = { bold: true, size: 14 };
  summary.addRow([reportText(lang, 'period'), periodText(report)]);
  summary.addRow([reportText(lang, 'scope'), scopeText(report, lang)]);
  summary.addRow([reportText(lang, 'generated'), report.generatedAt]);
  const sentences = report.sectionOrder.flatMap((id) => report.sections[id]!.sentences ?? []);
  if (report.report === 'yearly' && sentences.length > 0) {
    summary.addRow([]);
    summary.addRow([reportText(lang, 'summary')]).font = { bold: true };
    summary.addRow([reportText(lang, 'chinese'), reportText(lang, 'english')]).font = { bold: true };
    for (const s of sentences) summary.addRow([s['zh-CN'], s.en]);
  }
  for (const f of report.failures) summary.addRow([reportText(lang, 'failures'), f.section, f.code, f.message]);
  summary.getColumn(1).width = 60;
  summary.getColumn(2).width = 60;

  for (const id of report.sectionOrder) {
    const s = report.sections[id]!;
    const sheet = workbook.addWorksheet(sheetName(s.title[lang], names));
    sheet.addRow([s.title[lang]]).font = { bold: true, size: 13 };
    let widest = 0;
    for (const t of s.tables) {
      widest = Math.max(widest, t.columns.length);
      sheet.addRow([]);
      sheet.addRow([t.title[lang]]).font = { bold: true };
      const header = sheet.addRow(t.columns.map((c) => c.label[lang]));
      header.font = { bold: true };
      header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF2F6' } }));
      for (const row of t.rows) {
        const added = sheet.addRow(t.columns.map((c) => xlsxCell(row[c.key], c, ctx)));
        t.columns.forEach((c, i) => {
          const format = NUMBER_FORMAT[c.format];
          if (format && typeof row[c.key] === 'number') added.getCell(i + 1).numFmt = format;
        });
      }
    }
    for (const note of s.notes ?? []) {
      sheet.addRow([]);
      sheet.addRow([note[lang]]).font = { italic: true, color: { argb: 'FF616E7C' } };
    }
    for (let i = 1; i <= widest; i++) sheet.getColumn(i).width = i === 1 ? 24 : 14;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function xlsxCell(value: ReportValue | undefined, column: ReportColumn, ctx: CellContext): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (isLocalized(value)) return value[ctx.lang];
  return formatCell(value, column, ctx);
}

/** A worksheet name: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}
