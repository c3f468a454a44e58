import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { formatDays, formatPercent } from '../../../core/report/formatFigure.js';
import type { ReportFormat } from '../../../core/report/ReportSection.js';
import type { DashboardData, Panel } from '../data/DashboardData.js';
import { sparkline } from '../model/sparkline.js';
import { fitToWidth, truncateToWidth } from '../text/displayWidth.js';
import { labelWidth } from '../text/labelWidth.js';
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

/** Where a punctuality sparkline starts: 10 points under the target, or lower to fit the worst month. */
function rateFloor(values: readonly (number | null)[], target: number): number {
  const lowest = Math.min(target - 0.1, ...values.filter((v): v is number => v !== null));
  return Math.max(0, Math.floor(lowest * 20) / 20);
}

/** A figure as the report shows it: rates as percentages, days with one decimal. */
export function formatValue(value: number, format: ReportFormat): string {
  if (format === 'percent') return formatPercent(value);
  if (format === 'days') return formatDays(value);
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/**
 * The dashboard: overdue findings by department as bars and findings opened and closed
 * per week as sparklines (live, from the read model); punctuality per department month
 * by month against its target; every chart the plugins' report sections declare for this
 * month (punctuality, slide QC per county lab, trainings against target, quality points);
 * the unread reminders. A panel without data says "no data yet" and what feeds it;
 * nothing is made up. Targets are written out and marked met or below in words.
 */
export function DashboardView({ data, width, height, timeZone, departmentName }: DashboardViewProps) {
  const { t, lang, theme } = useLook();
  if (!data) return <Text color={theme.tone('muted')}>{t('app.loading')}</Text>;
  const columns = width >= 120 ? 2 : 1;
  const panelWidth = Math.floor(width / columns) - 1;
  // Leave room for the other panels: a chart gets a few bars and says how many more.
  const barRows = Math.max(3, Math.floor(height / 4));
  const empty = (panel: Panel<unknown>) =>
    panel.kind === 'empty' ? (
      <Text color={theme.tone('muted')}>{truncateToWidth(`${t('dashboard.noData')} · ${t('dashboard.noDataHint', { what: panel.what[lang] })}`, panelWidth, theme.ellipsis)}</Text>
    ) : null;
  const met = (rate: number | null, target: number) =>
    rate === null ? '' : rate >= target ? `${theme.ascii ? 'ok' : '✓'} ${t('dashboard.met')}` : `${theme.glyphs.overdue} ${t('dashboard.below')}`;
  const trend = data.punctualityTrend;
  const deptLabel = (id: string) => `${id} ${departmentName(id)}`;
  const trendLabelWidth = trend.kind === 'data' ? labelWidth(trend.data.departments.slice(0, barRows).map((d) => deptLabel(d.label)), panelWidth) : 0;
  const panels: { key: string; title: string; body: ReactNode }[] = [
    {
      key: 'overdue',
      title: t('dashboard.overdueByDept'),
      body:
        data.overdueByDepartment.kind === 'data' && data.overdueByDepartment.data.length > 0 ? (
          <BarChart data={data.overdueByDepartment.data.map((d) => ({ ...d, label: deptLabel(d.label).trim() }))} width={panelWidth} maxRows={barRows} />
        ) : (
          (empty(data.overdueByDepartment) ?? <Text color={theme.tone('ok')}>0</Text>)
        ),
    },
    { key: 'opened', title: t('dashboard.openedTrend'), body: data.openedPerWeek.kind === 'data' ? <Sparkline series={data.openedPerWeek.data} /> : empty(data.openedPerWeek) },
    { key: 'closed', title: t('dashboard.closedTrend'), body: data.closedPerWeek.kind === 'data' ? <Sparkline series={data.closedPerWeek.data} /> : empty(data.closedPerWeek) },
    {
      key: 'punctuality',
      title: t('dashboard.punctuality', { target: formatPercent(trend.kind === 'data' ? trend.data.target : 0.98) }),
      body:
        trend.kind === 'data' ? (
          <Box flexDirection="column">
            <Text color={theme.tone('muted')}>{`${trend.data.months[0]} ${theme.ascii ? '-' : '–'} ${trend.data.months.at(-1)}`}</Text>
            {trend.data.departments.slice(0, barRows).map((s) => {
              const last = [...s.values].reverse().find((v): v is number => v !== null) ?? null;
              return (
                <Text key={s.label}>
                  {fitToWidth(deptLabel(s.label), trendLabelWidth, { ellipsis: theme.ellipsis })}{' '}
                  <Text color={theme.tone('accent')}>{sparkline(s.values, theme.glyphs.spark, 1, rateFloor(s.values, trend.data.target))}</Text> {formatPercent(last)} {met(last, s.target ?? trend.data.target)}
                </Text>
              );
            })}
            {trend.data.departments.length > barRows ? <Text color={theme.tone('muted')}>{t('dashboard.more', { count: trend.data.departments.length - barRows })}</Text> : null}
          </Box>
        ) : (
          empty(trend)
        ),
    },
    ...data.reportCharts.map((panel) => ({
      key: panel.kind === 'data' ? panel.data.id : panel.title.en,
      title: panel.kind === 'data' && panel.data.target !== undefined ? `${panel.title[lang]} · ${t('dashboard.target')} ${formatValue(panel.data.target, panel.data.format)}` : panel.title[lang],
      body:
        panel.kind === 'data' ? (
          <BarChart
            data={panel.data.bars.map((b) => ({ label: b.label[lang], value: b.value ?? 0, text: `${formatValue(b.value ?? 0, panel.data.format)}${panel.data.target !== undefined ? ` ${met(b.value, panel.data.target)}` : ''}` }))}
            width={panelWidth}
            maxRows={barRows}
            max={panel.data.format === 'percent' ? Math.max(1, ...panel.data.bars.map((b) => b.value ?? 0)) : undefined}
            target={panel.data.target}
          />
        ) : (
          <Text color={theme.tone('muted')}>{t('dashboard.noData')}</Text>
        ),
    })),
    {
      key: 'inbox',
      title: t('dashboard.inbox'),
      body:
        data.unread.kind === 'data' ? (
          <Box flexDirection="column">
            <Text bold>{t('dashboard.unreadCount', { count: data.unread.data.count })}</Text>
            {data.unread.data.latest.slice(0, 3).map((m, i) => (
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
            <Box key={p.key} flexDirection="column" marginBottom={1} flexShrink={0}>
              <Text bold>{truncateToWidth(p.title, panelWidth, theme.ellipsis)}</Text>
              {p.body}
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}
