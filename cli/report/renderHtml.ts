import type { AssembledSection, Language, Report, ReportTable } from '../../core/index.js';
import { escapeHtml } from './escapeHtml.js';
import { formatCell, isLocalized, type CellContext } from './formatCell.js';
import { cliText } from '../i18n/cliText.js';
import { periodText, reportText, reportTitle, scopeText } from './reportText.js';
import { REPORT_CSS } from './reportStyles.js';
import { svgBarChart } from './svgBarChart.js';

const NUMERIC = new Set(['integer', 'decimal', 'percent', 'days']);

/**
 * The report as one self-contained HTML file: inline CSS (with an A4 print stylesheet)
 * and inline SVG charts, no script and no external resource, in `lang`. The year-end
 * sentences are given in both languages. Tables and charts carry `data-section`,
 * `data-table` and `data-chart` attributes so tools (and tests) can find them.
 */
export function renderHtml(report: Report, lang: Language): string {
  const ctx: CellContext = { lang, departments: report.departments, timeZone: report.period.timeZone };
  const title = escapeHtml(reportTitle(report, lang));
  const sections = report.sectionOrder.map((id) => section(report.sections[id]!, ctx)).join('\n');
  const sentences = report.sectionOrder.flatMap((id) => report.sections[id]!.sentences ?? []);
  const summary =
    report.report === 'yearly' && sentences.length > 0
      ? `<section class="summary" data-section="summary"><h2>${escapeHtml(reportText(lang, 'summary'))}</h2>` +
        (['zh-CN', 'en'] as const)
          .map((l) => `<div class="lang">${escapeHtml(reportText(lang, l === 'zh-CN' ? 'chinese' : 'english'))}</div>${sentences.map((s) => `<p lang="${l}">${escapeHtml(s[l])}</p>`).join('')}`)
          .join('') +
        '</section>'
      : '';
  const failures =
    report.failures.length > 0
      ? `<section class="failures"><strong>${escapeHtml(reportText(lang, 'failures'))}</strong><ul>${report.failures.map((f) => `<li>${escapeHtml(`${f.section}: ${f.code}: ${f.message}`)}</li>`).join('')}</ul></section>`
      : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${title}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p class="meta">${escapeHtml(reportText(lang, 'period'))}: ${escapeHtml(periodText(report))} · ${escapeHtml(reportText(lang, 'scope'))}: ${escapeHtml(scopeText(report, lang))} · ${escapeHtml(reportText(lang, 'asOf'))}: ${escapeHtml(formatCell(report.period.asOf, { key: 'asOf', label: cliText.both('report.asOf'), format: 'datetime' }, ctx))}</p>
</header>
${failures}
${summary}
${sections}
</body>
</html>
`;
}

function section(s: AssembledSection, ctx: CellContext): string {
  const charts = (s.charts ?? [])
    .map((chart) => {
      const table = s.tables.find((t) => t.id === chart.table);
      const svg = table ? svgBarChart(chart, table, ctx) : '';
      return svg ? `<figure data-chart="${escapeHtml(`${s.id}.${chart.id}`)}"><figcaption>${escapeHtml(chart.title[ctx.lang])}</figcaption>${svg}</figure>` : '';
    })
    .join('');
  const tables = s.tables.map((t) => table(s.id, t, ctx)).join('');
  const notes = (s.notes ?? []).map((n) => `<p>${escapeHtml(n[ctx.lang])}</p>`).join('');
  return `<section class="report-section" data-section="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title[ctx.lang])}</h2>${charts}${tables}${notes ? `<div class="notes">${notes}</div>` : ''}</section>`;
}

function table(sectionId: string, t: ReportTable, ctx: CellContext): string {
  const head = t.columns.map((c) => `<th${NUMERIC.has(c.format) ? ' class="num"' : ''}>${escapeHtml(c.label[ctx.lang])}</th>`).join('');
  const body =
    t.rows.length === 0
      ? `<tr><td class="empty" colspan="${t.columns.length}">${escapeHtml(reportText(ctx.lang, 'empty'))}</td></tr>`
      : t.rows
          .map((row) => {
            const total = t.columns[0]?.format === 'department' && isLocalized(row[t.columns[0].key]);
            const cells = t.columns
              .map((c) => `<td${NUMERIC.has(c.format) ? ' class="num"' : ''} data-key="${escapeHtml(c.key)}">${escapeHtml(formatCell(row[c.key], c, ctx))}</td>`)
              .join('');
            return `<tr${total ? ' class="total"' : ''}>${cells}</tr>`;
          })
          .join('');
  return `<h3>${escapeHtml(t.title[ctx.lang])}</h3><table data-section="${escapeHtml(sectionId)}" data-table="${escapeHtml(t.id)}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
