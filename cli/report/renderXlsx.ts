import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';
import type { Language, Report, ReportColumn, ReportValue } from '../../core/index.js';
import { formatCell, isLocalized, type CellContext } from './formatCell.js';
import { periodText, reportText, reportTitle, scopeText } from './reportText.js';

const NUMBER_FORMAT: Partial<Record<ReportColumn['format'], string>> = {
  percent: '0.0%',
  days: '0.0',
  decimal: '0.##',
  integer: '0',
};

/** The workbook form of writeXlsxFile (its last overload): the sheets, then the options. */
type Sheets = Parameters<typeof writeXlsxFile>[0];
type Feature = NonNullable<NonNullable<Parameters<typeof writeXlsxFile>[1]>['features']>[number];

const HEADER_FILL = '#EEF2F6';
const NOTE_COLOR = '#616E7C';

/**
 * The report as an xlsx workbook: a summary sheet (title, period, scope, the year-end
 * sentences in both languages), then one sheet per section with its tables one under
 * another. Numbers are real number cells (a percentage is the fraction with a percent
 * format), so offices can compute with them.
 */
export async function renderXlsx(report: Report, lang: Language): Promise<Buffer> {
  const ctx: CellContext = { lang, departments: report.departments, timeZone: report.period.timeZone };
  const names = new Set<string>();

  const summary: Row[] = [
    [{ value: reportTitle(report, lang), fontWeight: 'bold', fontSize: 14 }],
    [reportText(lang, 'period'), periodText(report)],
    [reportText(lang, 'scope'), scopeText(report, lang)],
    [reportText(lang, 'generated'), report.generatedAt],
  ];
  const sentences = report.sectionOrder.flatMap((id) => report.sections[id]!.sentences ?? []);
  if (report.report === 'yearly' && sentences.length > 0) {
    summary.push([], [bold(reportText(lang, 'summary'))], [bold(reportText(lang, 'chinese')), bold(reportText(lang, 'english'))]);
    for (const s of sentences) summary.push([s['zh-CN'], s.en]);
  }
  for (const f of report.failures) summary.push([reportText(lang, 'failures'), f.section, f.code, f.message]);
  const sheets: Sheets = [{ sheet: sheetName(reportText(lang, 'summarySheet'), names), data: summary, columns: [{ width: 60 }, { width: 60 }] }];

  for (const id of report.sectionOrder) {
    const s = report.sections[id]!;
    const data: Row[] = [[{ value: s.title[lang], fontWeight: 'bold', fontSize: 13 }]];
    let widest = 0;
    for (const t of s.tables) {
      widest = Math.max(widest, t.columns.length);
      data.push([], [bold(t.title[lang])], t.columns.map((c) => ({ ...bold(c.label[lang]), backgroundColor: HEADER_FILL })));
      for (const row of t.rows) data.push(t.columns.map((c) => xlsxCell(row[c.key], c, ctx)));
    }
    for (const note of s.notes ?? []) data.push([], [{ value: note[lang], fontStyle: 'italic', textColor: NOTE_COLOR }]);
    const columns = Array.from({ length: widest }, (_, i) => ({ width: i === 0 ? 24 : 14 }));
    sheets.push({ sheet: sheetName(s.title[lang], names), data, columns });
  }
  return writeXlsxFile(sheets, { features: [coreProperties('duban', report.generatedAt)] }).toBuffer();
}

function bold(value: string): Cell {
  return { value, fontWeight: 'bold' };
}

function xlsxCell(value: ReportValue | undefined, column: ReportColumn, ctx: CellContext): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    const format = NUMBER_FORMAT[column.format];
    return format ? { value, format } : value;
  }
  if (isLocalized(value)) return value[ctx.lang];
  return formatCell(value, column, ctx);
}

/**
 * The workbook's document properties (docProps/core.xml): who wrote it and when, as
 * spreadsheet programs show them under File → Info.
 */
function coreProperties(creator: string, created: string): Feature {
  const at = new Date(created).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    files: {
      transform: {
        '[Content_Types].xml': {
          insert: () => '<Override ContentType="application/vnd.openxmlformats-package.core-properties+xml" PartName="/docProps/core.xml"/>',
        },
        '_rels/.rels': {
          insert: () =>
            '<Relationship Id="rId-core-properties" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>',
        },
      },
      write: {
        files: () => ({
          'docProps/core.xml':
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
            `<dc:creator>${creator}</dc:creator>` +
            `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
            '</cp:coreProperties>',
        }),
      },
    },
  };
}

/** A worksheet name: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
  taken.add(name.toLowerCase());
  return name;
}
