import type { Language } from '../../core/i18n/Localized.js';
import type { DepartmentCount } from './data/TuiData.js';
import { tuiText } from './i18n/tuiText.js';
import { formatRow, layoutColumns } from './text/columns.js';

/**
 * What `duban tui` prints when stdin or stdout is not a terminal (a pipe, a cron job, CI):
 * open, overdue and awaiting-verification findings by department, with totals, and a
 * hint that the console needs a terminal. Columns align by display width. Pure.
 */
export function summaryText(counts: readonly DepartmentCount[], lang: Language, departmentName: (id: string) => string): string {
  const t = tuiText(lang);
  const lines = [t('summary.title')];
  if (counts.length === 0) {
    lines.push(t('summary.none'));
  } else {
    const columns = layoutColumns(
      [
        { key: 'department', width: 24 },
        { key: 'open', width: 8, align: 'right' },
        { key: 'overdue', width: 8, align: 'right' },
        { key: 'awaiting', width: lang === 'en' ? 22 : 8, align: 'right' },
      ],
      24 + 8 + 8 + (lang === 'en' ? 22 : 8) + 6,
      2,
    );
    const row = (cells: Record<string, string>) => formatRow(columns, cells, 2).trimEnd();
    lines.push(row({ department: t('summary.department'), open: t('summary.open'), overdue: t('summary.overdue'), awaiting: t('summary.awaiting') }));
    for (const c of counts) {
      lines.push(row({ department: `${c.department} ${departmentName(c.department)}`.trim(), open: String(c.open), overdue: String(c.overdue), awaiting: String(c.awaiting) }));
    }
    const sum = (key: 'open' | 'overdue' | 'awaiting') => String(counts.reduce((n, c) => n + c[key], 0));
    lines.push(row({ department: t('summary.total'), open: sum('open'), overdue: sum('overdue'), awaiting: sum('awaiting') }));
  }
  lines.push('', t('summary.hint'));
  return `${lines.join('\n')}\n`;
}
