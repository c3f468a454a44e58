import type { ReportChart, ReportTable } from '../../core/index.js';
import { formatCell, isLocalized, type CellContext } from './formatCell.js';
import { escapeHtml } from './escapeHtml.js';
import { reportText } from './reportText.js';

const WIDTH = 640;
const LABEL = 170;
const VALUE = 70;
const ROW = 22;
const TOP = 8;

/**
 * A horizontal bar chart as inline SVG (no script, no network): one bar per row of the
 * chart's table, the value written after the bar with the table's own formatting, and a
 * dashed line at the target. A row whose label is a text in both languages in a
 * department column is a total, and is left out. Empty string when no row has a value.
 */
export function svgBarChart(chart: ReportChart, table: ReportTable, ctx: CellContext): string {
  const labelColumn = table.columns.find((c) => c.key === chart.label);
  const valueColumn = table.columns.find((c) => c.key === chart.value);
  if (!labelColumn || !valueColumn) return '';
  const rows = table.rows.filter((r) => typeof r[chart.value] === 'number' && !(labelColumn.format === 'department' && isLocalized(r[chart.label])));
  if (rows.length === 0) return '';
  const values = rows.map((r) => r[chart.value] as number);
  const max = Math.max(...values, chart.target ?? 0, valueColumn.format === 'percent' ? 1 : 0) || 1;
  const span = WIDTH - LABEL - VALUE;
  const x = (v: number) => LABEL + (Math.max(0, v) / max) * span;
  const height = TOP * 2 + rows.length * ROW + (chart.target === undefined ? 0 : 14);
  const bars = rows
    .map((r, i) => {
      const y = TOP + i * ROW;
      const v = r[chart.value] as number;
      const label = formatCell(r[chart.label] ?? null, labelColumn, ctx);
      const shown = formatCell(v, valueColumn, ctx);
      return [
        `<text class="bar-label" x="${LABEL - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(label)}</text>`,
        `<rect class="bar" x="${LABEL}" y="${y + 3}" width="${(x(v) - LABEL).toFixed(1)}" height="${ROW - 6}" rx="2"/>`,
        `<text class="bar-value" x="${(x(v) + 4).toFixed(1)}" y="${y + 15}" data-label="${escapeHtml(label)}">${escapeHtml(shown)}</text>`,
      ].join('');
    })
    .join('');
  const target =
    chart.target === undefined
      ? ''
      : `<line class="target" x1="${x(chart.target).toFixed(1)}" x2="${x(chart.target).toFixed(1)}" y1="${TOP}" y2="${TOP + rows.length * ROW}"/>` +
        `<text class="target-label" x="${x(chart.target).toFixed(1)}" y="${height - 3}" text-anchor="middle">${escapeHtml(`${reportText(ctx.lang, 'target')} ${formatCell(chart.target, valueColumn, ctx)}`)}</text>`;
  const title = escapeHtml(chart.title[ctx.lang]);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${title}"><title>${title}</title>${bars}${target}</svg>`;
}
