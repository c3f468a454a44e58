import { Box, Text } from 'ink';
import type { BarDatum } from '../data/DashboardData.js';
import { barText } from '../model/barLength.js';
import { displayWidth, fitToWidth, padToWidth } from '../text/displayWidth.js';
import { labelWidth as labelColumn } from '../text/labelWidth.js';
import { useLook } from '../theme/ThemeContext.js';

/** Props of {@link BarChart}. */
export interface BarChartProps {
  readonly data: readonly BarDatum[];
  readonly width: number;
  /** The largest value the bars scale to; default the largest datum. */
  readonly max?: number;
  readonly maxRows?: number;
  /** A target in the values' unit, marked on every bar (`┆`, `|` in ASCII) and written in the last line. */
  readonly target?: number;
}

/**
 * Horizontal bars: label, bar, value. Block characters with eighths in Unicode mode,
 * `#` in ASCII mode; the number is always printed, so the chart reads without colour
 * and without the bar.
 */
export function BarChart({ data, width, max, maxRows = 12, target }: BarChartProps) {
  const { t, theme } = useLook();
  const shown = data.slice(0, maxRows);
  const labelWidth = labelColumn(shown.map((d) => d.label), width);
  // By display width: a CJK word ("⚠ 未达标") counted by its length pushed the row past the panel, wrapping it.
  const valueWidth = Math.max(3, ...shown.map((d) => displayWidth(d.text ?? String(d.value))));
  const barWidth = Math.max(4, width - labelWidth - valueWidth - 3);
  const top = max ?? Math.max(target ?? 0, ...shown.map((d) => d.value), Number.MIN_VALUE);
  const mark = target === undefined ? -1 : Math.min(barWidth - 1, Math.round((target / top) * barWidth) - 1);
  const withTarget = (bar: string) => {
    if (mark < 0) return fitToWidth(bar, barWidth);
    const cells = [...fitToWidth(bar, barWidth)];
    if (cells[mark] === ' ') cells[mark] = theme.ascii ? '|' : '┆';
    return cells.join('');
  };
  return (
    <Box flexDirection="column" width={width}>
      {shown.map((d) => (
        <Text key={d.label}>
          {fitToWidth(d.label, labelWidth, { ellipsis: theme.ellipsis })}{' '}
          <Text color={theme.tone('accent')}>{withTarget(barText(d.value, top, barWidth, theme.glyphs.bar, theme.glyphs.barPartials))}</Text>{' '}
          {padToWidth(d.text ?? String(d.value), valueWidth, 'right')}
        </Text>
      ))}
      {data.length > shown.length ? <Text color={theme.tone('muted')}>{t('dashboard.more', { count: data.length - shown.length })}</Text> : null}
    </Box>
  );
}
