import { Box, Text } from 'ink';
import type { Incident } from '../../../core/runtime/IncidentService.js';
import { formatRow, layoutColumns, type ColumnSpec } from '../text/columns.js';
import { formatTime } from '../text/formatTime.js';
import { useLook } from '../theme/ThemeContext.js';

/** Props of {@link IncidentsView}. */
export interface IncidentsViewProps {
  readonly incidents: readonly Incident[] | undefined;
  readonly cursor: number;
  readonly top: number;
  readonly height: number;
  readonly width: number;
  readonly timeZone: string;
}

const COLUMNS: readonly ColumnSpec[] = [
  { key: 'id', width: 16, priority: 5 },
  { key: 'at', width: 16, priority: 3 },
  { key: 'plugin', width: 14, priority: 2 },
  { key: 'instance', width: 16, priority: 1 },
  { key: 'message', width: 20, flex: true, priority: 9 },
];

/** Open incidents (work that kept failing); `R` retries the selected one after a confirmation. */
export function IncidentsView({ incidents, cursor, top, height, width, timeZone }: IncidentsViewProps) {
  const { t, theme } = useLook();
  if (!incidents) return <Text color={theme.tone('muted')}>{t('app.loading')}</Text>;
  if (incidents.length === 0) return <Text color={theme.tone('ok')}>{t('incidents.empty')}</Text>;
  const columns = layoutColumns(COLUMNS, width - 2);
  return (
    <Box flexDirection="column" width={width}>
      <Text bold color={theme.tone('muted')}>
        {'  ' + formatRow(columns, { id: t('incidents.id'), at: t('incidents.at'), plugin: t('incidents.plugin'), instance: t('incidents.instance'), message: t('incidents.message') }, 1, theme.ellipsis)}
      </Text>
      {incidents.slice(top, top + height).map((x, i) => {
        const selected = top + i === cursor;
        const line = formatRow(columns, { id: x.id, at: formatTime(x.createdAt, timeZone), plugin: x.pluginId ?? '', instance: x.instanceId ?? '', message: x.message }, 1, theme.ellipsis);
        return (
          <Text key={x.id} inverse={selected && theme.color} bold={selected} color={theme.tone('danger')}>
            {`${selected ? theme.glyphs.cursor : ' '} ${line}`}
          </Text>
        );
      })}
    </Box>
  );
}
