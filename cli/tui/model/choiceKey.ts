import { editLine, type LineState } from './lineEdit.js';

/**
 * A chooser's keys other than Enter (the person picker, the chain chooser, the palette):
 * ↑/↓ move the choice among `count` shown, any other key edits the query and the choice
 * goes back to the first match. Pure.
 */
export function choiceKey<T extends { readonly line: LineState; readonly choice: number }>(overlay: T, name: string, input: string, count: number): T {
  if (name === 'down' || name === 'up') return { ...overlay, choice: Math.max(0, Math.min(count - 1, overlay.choice + (name === 'down' ? 1 : -1))) };
  return { ...overlay, line: editLine(overlay.line, name, input), choice: 0 };
}
