import { formatDate, formatTime } from '../tui/text/formatTime.js';
import { formatDays, formatDecimal, formatPercent } from '../../core/report/formatFigure.js';
import type { Language, Localized } from '../../core/i18n/Localized.js';
import type { ReportColumn, ReportValue } from '../../core/report/ReportSection.js';

/** What formatting a cell needs besides the cell: the reader's language, department names, the time zone. */
export interface CellContext {
  readonly lang: Language;
  readonly departments: Readonly<Record<string, Localized>>;
  readonly timeZone: string;
}

/** True for a text in both languages. */
export function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && 'zh-CN' in value && 'en' in value;
}

/**
 * A cell as text renderers show it (md, html, csv labels): numbers by the column's format
 * with the same digits as the report's sentences (core/report/formatFigure.ts),
 * departments by name, instants in the report's time zone, null as an em dash.
 */
export function formatCell(value: ReportValue | undefined, column: ReportColumn, ctx: CellContext): string {
  if (value === null || value === undefined) return '—';
  if (isLocalized(value)) return value[ctx.lang];
  if (typeof value === 'number') {
    switch (column.format) {
      case 'percent':
        return formatPercent(value);
      case 'days':
        return formatDays(value);
      case 'decimal':
        return formatDecimal(value);
      default:
        return String(value);
    }
  }
  switch (column.format) {
    case 'department':
      return ctx.departments[value]?.[ctx.lang] ?? value;
    case 'date':
      return formatDate(value, ctx.timeZone);
    case 'datetime':
      return formatTime(value, ctx.timeZone);
    default:
      return value;
  }
}
