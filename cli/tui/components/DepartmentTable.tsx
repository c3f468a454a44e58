import { Box, Text } from 'ink';
import type { DepartmentCount } from '../data/TuiData.js';
import { formatRow, layoutColumns, type ColumnSpec } from '../text/columns.js';
import { useLook } from '../theme/ThemeContext.js';

/** Props of {@link DepartmentTable}. */
export interface DepartmentTableProps {
  readonly counts: readonly DepartmentCount[] | undefined;
  readonly cursor: number;
  readonly top: number;
  readonly height: number;
  readonly width: number;
  readonly departmentName: (id: string) => string;
}

const COLUMNS: readonly ColumnSpec[] = [
  { key: 'department', width: 8, priority: 9 },
  { key: 'name', width: 12, flex: true, priority: 5 },
  { key: 'open', width: 8, align: 'right', priority: 8 },
  { key: 'overdue', width: 8, align: 'right', priority: 7 },
  { key: 'awaiting', width: 10, align: 'right', priority: 6 },
];

/**
 * The "open by department" tab: each department's open, overdue and awaiting findings.
 * Enter on a department lists its open findings. Overdue counts carry the overdue
 * symbol, not only a colour.
 */
export function DepartmentTable({ counts, cursor, top, height, width, departmentName }: DepartmentTableProps) {
  const { t, theme } = useLook();
  const columns = layoutColumns(COLUMNS, width - 2);
  const header = formatRow(columns, { department: t('column.department'), name: '', open: t('column.open'), overdue: t('column.overdue'), awaiting: t('column.awaiting') }, 1, theme.ellipsis);
  const rows = (counts ?? []).slice(top, top + height);
  return (
    <Box flexDirection="column" width={width} height={height + 1}>
      <Text bold color={theme.tone('muted')}>
        {'  ' + header}
      </Text>
      {counts && counts.length === 0 ? <Text color={theme.tone('muted')}>{'  ' + t('list.departmentsEmpty')}</Text> : null}
      {rows.map((c, i) => {
        const selected = top + i === cursor;
        const line = formatRow(
          columns,
          {
            department: c.department,
            name: departmentName(c.department),
            open: String(c.open),
            overdue: c.overdue > 0 ? `${theme.glyphs.overdue} ${c.overdue}` : '0',
            awaiting: String(c.awaiting),
          },
          1,
          theme.ellipsis,
        );
        return (
          <Text key={c.department} inverse={selected && theme.color} bold={selected} color={c.overdue > 0 ? theme.tone('danger') : undefined}>
            {`${selected ? theme.glyphs.cursor : ' '} ${line}`}
          </Text>
        );
      })}
    </Box>
  );
}
