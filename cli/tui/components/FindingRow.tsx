import { Text } from 'ink';
import { memo } from 'react';
import type { FindingSummary } from '../../../core/findings/Finding.js';
import { findingCells, findingTone, rowPrefix, type RowContext } from '../model/findingRow.js';
import { formatRow, type PlacedColumn } from '../text/columns.js';

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
 * One finding of the list: the cursor and mark, then the cells laid out by display
 * width into one line (`formatRow`, remembered per cell), in one Text. One text, not a
 * box per cell: Ink lays out and walks every node on every frame, and a row of boxes was
 * most of a keypress's layout (the width Ink measures for each text is remembered, see
 * vendor/widest-line). Memoised: moving the cursor redraws two rows, not the window.
 */
export const FindingRow = memo(function FindingRow({ finding, columns, ctx, selected, marked, focused }: FindingRowProps) {
  const { theme } = ctx;
  const tone = findingTone(finding);
  // Nested Texts are one text node for Ink: one node to lay out a row, not four.
  return (
    <Text wrap="truncate">
      <Text bold={selected}>{rowPrefix(theme, selected, marked)}</Text>
      <Text inverse={selected && focused && theme.color} bold={selected} color={tone ? theme.tone(tone) : undefined}>
        {formatRow(columns, findingCells(finding, ctx), 1, theme.ellipsis)}
      </Text>
    </Text>
  );
});
