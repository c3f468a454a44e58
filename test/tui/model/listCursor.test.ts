import { describe, expect, it } from 'vitest';
import { clampCursor, CURSOR_START, moveCursor } from '../../../cli/tui/model/listCursor.js';
import { paneLayout } from '../../../cli/tui/model/paneLayout.js';

describe('moveCursor', () => {
  it('moves and scrolls only as needed', () => {
    let state = CURSOR_START;
    for (let i = 0; i < 12; i++) state = moveCursor(state, 'down', 100, 10);
    expect(state).toEqual({ cursor: 12, top: 3 });
    state = moveCursor(state, 'up', 100, 10);
    expect(state).toEqual({ cursor: 11, top: 3 });
  });

  it('stops at both ends', () => {
    expect(moveCursor(CURSOR_START, 'up', 100, 10)).toEqual(CURSOR_START);
    expect(moveCursor({ cursor: 99, top: 90 }, 'down', 100, 10)).toEqual({ cursor: 99, top: 90 });
  });

  it('jumps to the first and last rows', () => {
    expect(moveCursor({ cursor: 5, top: 0 }, 'bottom', 100_000, 30)).toEqual({ cursor: 99_999, top: 99_970 });
    expect(moveCursor({ cursor: 99_999, top: 99_970 }, 'top', 100_000, 30)).toEqual(CURSOR_START);
  });

  it('moves half a page with the window, like vim', () => {
    expect(moveCursor({ cursor: 2, top: 0 }, 'halfDown', 100, 10)).toEqual({ cursor: 7, top: 5 });
    expect(moveCursor({ cursor: 7, top: 5 }, 'halfUp', 100, 10)).toEqual({ cursor: 2, top: 0 });
  });

  it('keeps the cursor valid when the list shrinks', () => {
    expect(clampCursor({ cursor: 50, top: 45 }, 10, 10)).toEqual({ cursor: 9, top: 0 });
    expect(clampCursor({ cursor: 3, top: 0 }, 0, 10)).toEqual(CURSOR_START);
  });
});

describe('paneLayout', () => {
  it('puts the detail right, below, or alone by width', () => {
    expect(paneLayout(160)).toBe('right');
    expect(paneLayout(100)).toBe('below');
    expect(paneLayout(79)).toBe('alone');
  });
});
