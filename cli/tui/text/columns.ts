import { fitToWidth } from './displayWidth.js';

/** A column of a table: a fixed width, or `flex` to take what is left. */
export interface ColumnSpec {
  readonly key: string;
  /** Columns when fixed; the least a flex column accepts. */
  readonly width: number;
  readonly flex?: boolean;
  readonly align?: 'left' | 'right';
  /** Lower numbers are dropped first when the table does not fit. Default 0. */
  readonly priority?: number;
}

/** A column with its final width. */
export interface PlacedColumn extends ColumnSpec {
  readonly placed: number;
}

/**
 * Fits columns into `width` terminal columns with `gap` spaces between them. Fixed columns
 * keep their width; flex columns share what remains. When even the least widths do not
 * fit, the lowest-priority columns are dropped, so a narrow terminal shows fewer columns
 * rather than broken ones.
 */
export function layoutColumns(specs: readonly ColumnSpec[], width: number, gap = 1): PlacedColumn[] {
  let kept = [...specs];
  const need = (cols: readonly ColumnSpec[]) => cols.reduce((n, c) => n + c.width, 0) + gap * Math.max(0, cols.length - 1);
  while (kept.length > 1 && need(kept) > width) {
    const lowest = kept.reduce((lo, c) => ((c.priority ?? 0) < (lo.priority ?? 0) ? c : lo), kept[0]!);
    kept = kept.filter((c) => c !== lowest);
  }
  const flex = kept.filter((c) => c.flex);
  const spare = Math.max(0, width - need(kept));
  const share = flex.length > 0 ? Math.floor(spare / flex.length) : 0;
  let rest = flex.length > 0 ? spare - share * flex.length : 0;
  return kept.map((c) => {
    if (!c.flex) return { ...c, placed: c.width };
    const extra = share + (rest > 0 ? 1 : 0);
    rest = Math.max(0, rest - 1);
    return { ...c, placed: c.width + extra };
  });
}

/**
 * Renders one row of cells into a line of exactly the table's width: every cell is
 * truncated and padded by display width, so CJK and Latin text align.
 */
export function formatRow(columns: readonly PlacedColumn[], cells: Readonly<Record<string, string>>, gap = 1, ellipsis = '…'): string {
  return columns.map((c) => fitToWidth(cells[c.key] ?? '', c.placed, { align: c.align, ellipsis })).join(' '.repeat(gap));
}
