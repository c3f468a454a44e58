import { paneLayout, type PaneLayout } from './paneLayout.js';

/** Sizes of the parts of the findings screen, in terminal cells. */
export interface ScreenLayout {
  readonly columns: number;
  readonly rows: number;
  readonly pane: PaneLayout;
  /** Lines for the screen's body (between the tabs and the footer). */
  readonly bodyHeight: number;
  readonly listWidth: number;
  /** Findings rows in the list window (its heading line not counted). */
  readonly listRows: number;
  readonly showList: boolean;
  readonly detailWidth: number;
  readonly detailHeight: number;
  readonly showDetail: boolean;
}

/** The smallest terminal the console lays out; below it a one-line notice says so. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 12;

/** Whether a terminal is big enough for the console's layout. */
export function fitsConsole(columns: number, rows: number): boolean {
  return columns >= MIN_COLUMNS && rows >= MIN_ROWS;
}

/** Lines above the body: the screen tabs and the filter tabs. */
export const HEAD_LINES = 2;
/** Lines below the body: the status line and the key hints (or a two-line prompt). */
export const FOOT_LINES = 2;

/**
 * Splits the terminal for the findings screen. The whole frame stays one line short of
 * the terminal: Ink clears the screen on every frame that is as tall as the terminal,
 * which would flicker. Pure.
 */
export function screenLayout(columns: number, rows: number, focus: 'list' | 'detail'): ScreenLayout {
  const pane = paneLayout(columns);
  const bodyHeight = Math.max(4, rows - HEAD_LINES - FOOT_LINES - 1);
  if (pane === 'right') {
    const listWidth = Math.floor(columns * 0.55);
    return { columns, rows, pane, bodyHeight, listWidth, listRows: bodyHeight - 1, showList: true, detailWidth: columns - listWidth - 2, detailHeight: bodyHeight, showDetail: true };
  }
  if (pane === 'below') {
    const listRows = Math.max(3, Math.floor(bodyHeight * 0.45) - 1);
    const detailHeight = Math.max(2, bodyHeight - listRows - 2);
    return { columns, rows, pane, bodyHeight, listWidth: columns, listRows, showList: true, detailWidth: columns, detailHeight, showDetail: true };
  }
  const detail = focus === 'detail';
  return { columns, rows, pane, bodyHeight, listWidth: columns, listRows: bodyHeight - 1, showList: !detail, detailWidth: columns, detailHeight: bodyHeight, showDetail: detail };
}
