import { Box, Text } from 'ink';
import type { TaskItem } from '../data/TuiData.js';
import { formatRow, layoutColumns, type ColumnSpec } from '../text/columns.js';
import { formatTime } from '../text/formatTime.js';
import { useLook } from '../theme/ThemeContext.js';

/** Props of {@link TaskList}. */
export interface TaskListProps {
  readonly tasks: readonly TaskItem[] | undefined;
  readonly cursor: number;
  readonly top: number;
  readonly height: number;
  readonly width: number;
  readonly timeZone: string;
}

const COLUMNS: readonly ColumnSpec[] = [
  { key: 'task', width: 16, flex: true, priority: 9 },
  { key: 'chain', width: 14, priority: 5 },
  { key: 'step', width: 10, priority: 4 },
  { key: 'department', width: 6, priority: 6 },
  { key: 'since', width: 16, priority: 3 },
];

/** The tasks waiting for the current person; Enter opens a task's form. */
export function TaskList({ tasks, cursor, top, height, width, timeZone }: TaskListProps) {
  const { t, lang, theme } = useLook();
  if (!tasks) return <Text color={theme.tone('muted')}>{t('app.loading')}</Text>;
  if (tasks.length === 0) return <Text color={theme.tone('muted')}>{t('tasks.empty')}</Text>;
  const columns = layoutColumns(COLUMNS, width - 2);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={theme.tone('muted')}>
        {'  ' + formatRow(columns, { task: '', chain: t('tasks.chain'), step: t('tasks.step'), department: t('column.department'), since: t('tasks.since') }, 1, theme.ellipsis)}
      </Text>
      {tasks.slice(top, top + height).map((task, i) => {
        const selected = top + i === cursor;
        const line = formatRow(
          columns,
          { task: task.taskTitle[lang], chain: task.chainTitle[lang], step: task.stepTitle[lang], department: task.departmentId ?? '', since: formatTime(task.since, timeZone) },
          1,
          theme.ellipsis,
        );
        return (
          <Text key={task.instanceId} inverse={selected && theme.color} bold={selected}>
            {`${selected ? theme.glyphs.cursor : ' '} ${line}`}
          </Text>
        );
      })}
    </Box>
  );
}
