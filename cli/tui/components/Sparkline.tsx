import { Text } from 'ink';
import type { Series } from '../data/DashboardData.js';
import { sparkline } from '../model/sparkline.js';
import { useLook } from '../theme/ThemeContext.js';

/** Props of {@link Sparkline}. */
export interface SparklineProps {
  readonly series: Series;
  /** Text before the line (a department, say). */
  readonly label?: string;
}

/**
 * A one-line sparkline of a series with its last value and its range written out
 * (`▁▂▅█▃ 7 · 0–12`), so the numbers are there even where the glyphs are not clear.
 */
export function Sparkline({ series, label }: SparklineProps) {
  const { theme } = useLook();
  const numbers = series.values.filter((v): v is number => v !== null);
  const last = numbers.at(-1);
  const range = numbers.length > 0 ? `${Math.min(...numbers)}${theme.ascii ? '-' : '–'}${Math.max(...numbers)}` : '';
  return (
    <Text>
      {label ? `${label} ` : ''}
      <Text color={theme.tone('accent')}>{sparkline(series.values, theme.glyphs.spark)}</Text>
      {last !== undefined ? ` ${last}` : ''}
      <Text color={theme.tone('muted')}>{range ? ` · ${range}` : ''}</Text>
    </Text>
  );
}
