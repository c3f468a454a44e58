import type { FindingSummary } from '../../../core/findings/Finding.js';
import type { Language } from '../../../core/i18n/Localized.js';
import type { Translate } from '../i18n/tuiText.js';
import { formatRow, layoutColumns, type ColumnSpec, type PlacedColumn } from '../text/columns.js';
import { formatDate } from '../text/formatTime.js';
import type { Theme, Tone } from '../theme/Theme.js';

/** Columns before the table: the cursor and the mark, one each, then a space. */
export const ROW_PREFIX = 3;

const COLUMNS: readonly ColumnSpec[] = [
  { key: 'id', width: 16, priority: 1 },
  { key: 'status', width: 12, priority: 8 },
  { key: 'severity', width: 10, priority: 6 },
  { key: 'department', width: 6, priority: 5 },
  { key: 'title', width: 14, flex: true, priority: 10 },
  { key: 'assignee', width: 8, priority: 2 },
  { key: 'due', width: 10, priority: 7 },
];

/**
 * The list's columns for a pane `width` columns wide, leaving the last column free so a
 * row never touches what is beside the pane: narrower panes drop the id first, then the
 * assignee.
 */
export function findingColumns(width: number): PlacedColumn[] {
  return layoutColumns(COLUMNS, Math.max(10, width - ROW_PREFIX - 1));
}

/** The heading line of the list. */
export function headerLine(columns: readonly PlacedColumn[], t: Translate, theme: Theme): string {
  const cells = Object.fromEntries(columns.map((c) => [c.key, t(`column.${c.key}`)]));
  return ' '.repeat(ROW_PREFIX) + formatRow(columns, cells, 1, theme.ellipsis);
}

/** What {@link findingCells} needs besides the finding. */
export interface RowContext {
  readonly t: Translate;
  readonly lang: Language;
  readonly theme: Theme;
  readonly timeZone: string;
  readonly personName: (id: string) => string;
}

/** The cursor and mark columns of a row. */
export function rowPrefix(theme: Theme, selected: boolean, marked: boolean): string {
  return `${selected ? theme.glyphs.cursor : ' '}${marked ? theme.glyphs.mark : ' '} `;
}

/**
 * A finding's cells by column key, before truncation. Status and severity are a symbol
 * and a word; an overdue finding says so in its due column; so no meaning rests on
 * colour. Pure.
 */
export function findingCells(f: FindingSummary, ctx: RowContext): Record<string, string> {
  const { t, theme } = ctx;
  return {
    id: f.id,
    status: `${theme.status[f.status]} ${t(`status.${f.status}`)}`,
    severity: `${theme.severity[f.severity]} ${t(`severity.${f.severity}`)}`,
    department: f.department,
    title: `${f.flagged ? `${theme.glyphs.flagged} ` : ''}${f.title[ctx.lang]}`,
    assignee: f.assignee ? ctx.personName(f.assignee) : '',
    due: f.overdue ? `${theme.glyphs.overdue} ${t('column.overdue')}` : formatDate(f.status === 'closed' ? f.closedAt : f.dueAt, ctx.timeZone),
  };
}

/** The colour a row's meaning suggests (its words already say it). */
export function findingTone(f: FindingSummary): Tone | undefined {
  if (f.overdue || f.flagged) return 'danger';
  if (f.status === 'awaiting_verification') return 'warning';
  if (f.status === 'closed') return 'muted';
  return undefined;
}
