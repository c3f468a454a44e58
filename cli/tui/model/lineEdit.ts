/** A line being edited: its text (as an array of characters, so CJK and emoji stay whole) and the cursor. */
export interface LineState {
  readonly chars: readonly string[];
  readonly cursor: number;
}

/** A line holding `text`, the cursor at its end. */
export function lineOf(text: string): LineState {
  const chars = [...text];
  return { chars, cursor: chars.length };
}

/** The text of a line. */
export function lineText(state: LineState): string {
  return state.chars.join('');
}

/**
 * Applies a key to a line: printable input (typed or pasted, Chinese from an IME
 * included) is inserted at the cursor; `backspace` / `delete` remove the character
 * before / under the cursor; `left`, `right`, `home`, `end`, `ctrl-a`, `ctrl-e` move;
 * `ctrl-u` clears to the start; `ctrl-w` removes the word before the cursor. Other keys
 * leave the line as it is. Pure.
 */
export function editLine(state: LineState, name: string, input: string): LineState {
  const { chars, cursor } = state;
  switch (name) {
    case 'backspace':
      // Terminals send DEL (0x7f) for the backspace key; Ink reports it as `delete`.
      if (cursor === 0) return state;
      return { chars: [...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor: cursor - 1 };
    case 'delete':
      return editLine(state, 'backspace', input);
    case 'left':
    case 'ctrl-b':
      return { chars, cursor: Math.max(0, cursor - 1) };
    case 'right':
    case 'ctrl-f':
      return { chars, cursor: Math.min(chars.length, cursor + 1) };
    case 'home':
    case 'ctrl-a':
      return { chars, cursor: 0 };
    case 'end':
    case 'ctrl-e':
      return { chars, cursor: chars.length };
    case 'ctrl-u':
      return { chars: chars.slice(cursor), cursor: 0 };
    case 'ctrl-w': {
      let start = cursor;
      while (start > 0 && chars[start - 1] === ' ') start--;
      while (start > 0 && chars[start - 1] !== ' ') start--;
      return { chars: [...chars.slice(0, start), ...chars.slice(cursor)], cursor: start };
    }
    default: {
      if (name.startsWith('ctrl-') || name === 'esc' || name === 'enter' || name === 'tab' || name === 'shift-tab' || name === 'up' || name === 'down') return state;
      const text = name === 'space' ? ' ' : input;
      // eslint-disable-next-line no-control-regex
      const typed = [...text.replace(/[\u0000-\u001f\u007f]/g, '')];
      if (typed.length === 0) return state;
      return { chars: [...chars.slice(0, cursor), ...typed, ...chars.slice(cursor)], cursor: cursor + typed.length };
    }
  }
}
