import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { DashboardData, Panel } from '../data/DashboardData.js';
import { truncateToWidth } from '../text/displayWidth.js';
import { formatTime } from '../text/formatTime.js';
import { useLook } from '../theme/ThemeContext.js';
import { BarChart } from './BarChart.js';
import { Sparkline } from './Sparkline.js';

/** Props of {@link DashboardView}. */
export interface DashboardViewProps {
  readonly data: DashboardData | undefined;
  readonly width: number;
  readonly height: number;
  readonly timeZone: string;
  readonly departmentName: (id: string) => string;
}

/**
 * The dashboard: overdue findings by department as bars, findings opened and closed per
 * week as sparklines, punctuality, slide QC and trainings where the database has them,
 * and the unread reminders. A panel without data says "no data yet" and what feeds it;
 * nothing is made up. Two columns of panels on wide terminals.
 */
export function DashboardView({ data, width, height, timeZone, departmentName }: DashboardViewProps) {
  const { t, lang, theme } = useLook();
  if (!data) return <Text color={theme.tone('muted')}>{t('app.loading')}</Text>;
  const columns = width >= 120 ? 2 : 1;
  const panelWidth = Math.floor(width / columns) - 1;
  // Leave room for the other panels: bars get about a third of the height.
  const barRows = Math.max(3, Math.floor(height / 3));
  const empty = (panel: Panel<unknown>) =>
    panel.kind === 'empty' ? (
      <Text color={theme.tone('muted')}>
        {t('dashboard.noData')} · {t('dashboard.noDataHint', { what: panel.what[lang] })}
      </Text>
    ) : null;
  const panels: { title: string; body: ReactNode }[] = [
    {
      title: t('dashboard.overdueByDept'),
      body:
        data.overdueByDepartment.kind === 'data' && data.overdueByDepartment.data.length > 0 ? (
          <BarChart data={data.overdueByDepartment.data.map((d) => ({ ...d, label: `${d.label} ${departmentName(d.label)}`.trim() }))} width={panelWidth} maxRows={barRows} />
        ) : (
          empty(data.overdueByDepartment) ?? <Text color={theme.tone('ok')}>0</Text>
        ),
    },
    {
      title: t('dashboard.openedTrend'),
      body: data.openedPerWeek.kind === 'data' ? <Sparkline series={data.openedPerWeek.data} /> : empty(data.openedPerWeek),
    },
    {
      title: t('dashboard.closedTrend'),
      body: data.closedPerWeek.kind === 'data' ? <Sparkline series={data.closedPerWeek.data} /> : empty(data.closedPerWeek),
    },
    {
      title: t('dashboard.punctuality'),
      body:
        data.punctuality.kind === 'data' ? (
          <Box flexDirection="column">
            {data.punctuality.data.map((s) => (
              <Sparkline key={s.label} series={s} label={s.label} />
            ))}
          </Box>
        ) : (
          empty(data.punctuality)
        ),
    },
    { title: t('dashboard.slideQc'), body: data.slideQc.kind === 'data' ? <BarChart data={data.slideQc.data} width={panelWidth} /> : empty(data.slideQc) },
    { title: t('dashboard.trainings'), body: data.trainings.kind === 'data' ? <BarChart data={data.trainings.data} width={panelWidth} /> : empty(data.trainings) },
    {
      title: t('dashboard.inbox'),
      body:
        data.unread.kind === 'data' ? (
          <Box flexDirection="column">
            <Text bold>{t('dashboard.unreadCount', { count: data.unread.data.count })}</Text>
            {data.unread.data.latest.map((m, i) => (
              <Text key={i}>{truncateToWidth(`${formatTime(m.at, timeZone)} ${m.text[lang]}`, panelWidth, theme.ellipsis)}</Text>
            ))}
          </Box>
        ) : (
          empty(data.unread)
        ),
    },
  ];
  const perColumn = Math.ceil(panels.length / columns);
  return (
    <Box flexDirection="row" width={width} height={height} overflow="hidden">
      {Array.from({ length: columns }, (_, c) => (
        <Box key={c} flexDirection="column" width={panelWidth + 1}>
          {panels.slice(c * perColumn, (c + 1) * perColumn).map((p) => (
            <Box key={p.title} flexDirection="column" marginBottom={1} flexShrink={0}>
              <Text bold>{truncateToWidth(p.title, panelWidth, theme.ellipsis)}</Text>
              {p.body}
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}
