import { Box, Text } from 'ink';
import type { FailedDelivery, ScheduleItem } from '../data/TuiData.js';
import { formatRow, layoutColumns, type ColumnSpec } from '../text/columns.js';
import { formatTime } from '../text/formatTime.js';
import { truncateToWidth } from '../text/displayWidth.js';
import { useLook } from '../theme/ThemeContext.js';

/** Props of {@link SchedulesView}. */
export interface SchedulesViewProps {
  /** Null when the database has no schedules table yet. */
  readonly schedules: readonly ScheduleItem[] | null | undefined;
  readonly failed: readonly FailedDelivery[] | undefined;
  readonly cursor: number;
  readonly top: number;
  readonly height: number;
  readonly width: number;
  readonly timeZone: string;
}

const COLUMNS: readonly ColumnSpec[] = [
  { key: 'name', width: 16, flex: true, priority: 9 },
  { key: 'cron', width: 14, priority: 4 },
  { key: 'status', width: 10, priority: 8 },
  { key: 'next', width: 16, priority: 7 },
  { key: 'last', width: 16, priority: 3 },
];

/**
 * Schedules with their next and last runs (paused ones say "paused" in their status
 * column), then the deliveries that failed for good.
 */
export function SchedulesView({ schedules, failed, cursor, top, height, width, timeZone }: SchedulesViewProps) {
  const { t, lang, theme } = useLook();
  const columns = layoutColumns(COLUMNS, width - 2);
  const failedRows = (failed ?? []).slice(0, 5);
  const room = Math.max(1, height - failedRows.length - 4);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {schedules === undefined ? <Text color={theme.tone('muted')}>{t('app.loading')}</Text> : null}
      {schedules === null ? <Text color={theme.tone('muted')}>{t('schedules.unavailable')}</Text> : null}
      {schedules && schedules.length === 0 ? <Text color={theme.tone('muted')}>{t('schedules.empty')}</Text> : null}
      {schedules && schedules.length > 0 ? (
        <Text bold color={theme.tone('muted')}>
          {'  ' + formatRow(columns, { name: t('schedules.name'), cron: t('schedules.cron'), status: t('schedules.status'), next: t('schedules.next'), last: t('schedules.last') }, 1, theme.ellipsis)}
        </Text>
      ) : null}
      {(schedules ?? []).slice(top, top + room).map((s, i) => {
        const selected = top + i === cursor;
        const paused = s.status === 'paused';
        const line = formatRow(
          columns,
          { name: s.name[lang], cron: s.cron, status: paused ? `${theme.ascii ? '||' : '⏸'} ${t('schedules.paused')}` : t('schedules.active'), next: formatTime(s.nextAt, timeZone), last: formatTime(s.lastFiredAt, timeZone) },
          1,
          theme.ellipsis,
        );
        return (
          <Text key={s.id} inverse={selected && theme.color} bold={selected} color={paused ? theme.tone('warning') : undefined}>
            {`${selected ? theme.glyphs.cursor : ' '} ${line}`}
          </Text>
        );
      })}
      <Text> </Text>
      <Text bold>{t('schedules.failedDeliveries')}</Text>
      {failedRows.length === 0 ? <Text color={theme.tone('muted')}>{t('schedules.noFailed')}</Text> : null}
      {failedRows.map((f) => (
        <Text key={f.id} color={theme.tone('danger')}>
          {truncateToWidth(`${theme.glyphs.overdue} ${formatTime(f.at, timeZone)} ${f.kind} ${f.instanceId ?? ''} ${f.error ?? ''}`, width, theme.ellipsis)}
        </Text>
      ))}
    </Box>
  );
}
