/** Where the detail pane goes: beside the list, below it, or alone (instead of the list). */
export type PaneLayout = 'right' | 'below' | 'alone';

/** Widths at which the layout changes; the detail needs ~60 columns beside a ~70-column list. */
export const WIDE_COLUMNS = 140;
export const NARROW_COLUMNS = 80;

/**
 * The layout of the findings screen for a terminal `columns` wide: the detail right of
 * the list from {@link WIDE_COLUMNS}, below it from {@link NARROW_COLUMNS}, and alone
 * (Enter replaces the list, Esc brings it back) on narrower terminals.
 */
export function paneLayout(columns: number): PaneLayout {
  if (columns >= WIDE_COLUMNS) return 'right';
  if (columns >= NARROW_COLUMNS) return 'below';
  return 'alone';
}
