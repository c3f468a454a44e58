import { Box, Text } from 'ink';
import type { FindingSummary } from '../../../core/findings/Finding.js';
import { useMemo } from 'react';
import { findingColumns, headerLine, ROW_PREFIX, type RowContext } from '../model/findingRow.js';
import { fitToWidth } from '../text/displayWidth.js';
import { useLook } from '../theme/ThemeContext.js';
import { FindingRow } from './FindingRow.js';

/** Props of {@link FindingList}. */
export interface FindingListProps {
  /** The row at an index of the whole list, if its page is loaded. */
  readonly rowAt: (index: number) => FindingSummary | undefined;
  readonly total: number | undefined;
  readonly cursor: number;
  readonly top: number;
  /** Rows of findings shown (the heading line comes on top of these). */
  readonly height: number;
  readonly width: number;
  readonly marks: ReadonlySet<string>;
  readonly timeZone: string;
  readonly personName: (id: string) => string;
  /** Whether the list has the keys (the detail pane may have them instead). */
  readonly focused: boolean;
}

/**
 * The findings list: a heading line and one line per finding, rendering only the
 * `height` rows from `top` (Ink lays out every node each frame, so 100 000 rows would
 * cost seconds a keypress; a window costs milliseconds — STACK.md pitfall 11). Each row
 * is a {@link FindingRow}, aligned by display width.
 */
export function FindingList({ rowAt, total, cursor, top, height, width, marks, timeZone, personName, focused }: FindingListProps) {
  const { t, lang, theme } = useLook();
  const columns = useMemo(() => findingColumns(width), [width]);
  const ctx = useMemo<RowContext>(() => ({ t, lang, theme, timeZone, personName }), [t, lang, theme, timeZone, personName]);
  const lines = [];
  // Until the list is counted, show the rows already read (the first page arrives before the count).
  const end = total ?? top + height;
  for (let i = top; i < Math.min(end, top + height); i++) {
    const f = rowAt(i);
    if (!f && total === undefined) break;
    const selected = i === cursor;
    if (!f) {
      lines.push(
        <Text key={i} color={theme.tone('muted')}>
          {fitToWidth(`${selected ? theme.glyphs.cursor : ' '}  ${t('list.loading')}`, width)}
        </Text>,
      );
      continue;
    }
    lines.push(<FindingRow key={i} finding={f} columns={columns} ctx={ctx} selected={selected} marked={marks.has(f.id)} focused={focused} />);
  }
  return (
    <Box flexDirection="column" width={width} height={height + 1}>
      <Text color={theme.tone('muted')} bold>
        {headerLine(columns, t, theme)}
      </Text>
      {total === 0 ? <Text color={theme.tone('muted')}>{' '.repeat(ROW_PREFIX) + t('list.empty')}</Text> : lines}
    </Box>
  );
}
