/** A cursor in a list and the first row of the window on it. */
export interface ListCursor {
  readonly cursor: number;
  readonly top: number;
}

/** The list moves a cursor understands. */
export type CursorMove = 'down' | 'up' | 'top' | 'bottom' | 'halfDown' | 'halfUp';

/** The start of a list. */
export const CURSOR_START: ListCursor = { cursor: 0, top: 0 };

/**
 * Moves the cursor over `total` rows seen through a window of `height` rows, scrolling the
 * window only as far as needed to keep the cursor in it (so the rows do not jump). Pure.
 */
export function moveCursor(state: ListCursor, move: CursorMove, total: number, height: number): ListCursor {
  const half = Math.max(1, Math.floor(height / 2));
  const target = {
    down: state.cursor + 1,
    up: state.cursor - 1,
    top: 0,
    bottom: total - 1,
    halfDown: state.cursor + half,
    halfUp: state.cursor - half,
  }[move];
  // Half pages scroll the window with the cursor, like vim's ctrl-d / ctrl-u.
  const scroll = move === 'halfDown' ? half : move === 'halfUp' ? -half : 0;
  return clampCursor({ cursor: target, top: state.top + scroll }, total, height);
}

/**
 * Keeps a cursor valid after the list or the window changed size: inside the list, the
 * window inside the list and around the cursor.
 */
export function clampCursor(state: ListCursor, total: number, height: number): ListCursor {
  if (total <= 0) return CURSOR_START;
  const rows = Math.max(1, height);
  const cursor = Math.min(Math.max(0, state.cursor), total - 1);
  let top = Math.min(Math.max(0, state.top), Math.max(0, total - rows));
  if (cursor < top) top = cursor;
  if (cursor >= top + rows) top = cursor - rows + 1;
  return { cursor, top };
}
