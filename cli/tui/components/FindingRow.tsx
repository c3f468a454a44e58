import { Box, Text } from 'ink';
import { memo } from 'react';
import type { FindingSummary } from '../../../core/findings/Finding.js';
import { findingCells, findingTone, ROW_PREFIX, rowPrefix, type RowContext } from '../model/findingRow.js';
import type { PlacedColumn } from '../text/columns.js';
import { truncateToWidth } from '../text/displayWidth.js';
import { RunText } from './RunText.js';

/** Props of {@link FindingRow}. */
export interface FindingRowProps {
  readonly finding: FindingSummary;
  readonly columns: readonly PlacedColumn[];
  readonly ctx: RowContext;
  readonly selected: boolean;
  readonly marked: boolean;
  readonly focused: boolean;
}

/**
 * One finding of the list: each cell its own Text in a box of the column's width,
 * truncated by display width and never padded. Ink measures every text node's width on
 * every frame, and string-width is fast only for pure ASCII; cells keep the slow
 * measuring to the few short cells with Chinese or symbols, and leave the spaces between
 * columns unwritten. Memoised: moving the cursor redraws two rows, not the window.
 */
export const FindingRow = memo(function FindingRow({ finding, columns, ctx, selected, marked, focused }: FindingRowProps) {
  const { theme } = ctx;
  const cells = findingCells(finding, ctx);
  const tone = findingTone(finding);
  const color = tone ? theme.tone(tone) : undefined;
  const inverse = selected && focused && theme.color;
  return (
    <Box height={1}>
      <Box width={ROW_PREFIX} flexShrink={0}>
        <Text bold={selected}>{rowPrefix(theme, selected, marked)}</Text>
      </Box>
      {columns.map((c) => (
        <Box key={c.key} width={c.placed + 1} flexShrink={0} justifyContent={c.align === 'right' ? 'flex-end' : 'flex-start'}>
          <RunText text={truncateToWidth(cells[c.key] ?? '', c.placed, theme.ellipsis)} inverse={inverse} bold={selected} color={color} />
        </Box>
      ))}
    </Box>
  );
});
