import type { Key } from 'ink';

/**
 * The name of a keypress as the keymap writes it: a printable character as itself
 * (`j`, `G`, `?`), `space`, `enter`, `esc`, `tab`, `shift-tab`, arrows as `up` / `down` /
 * `left` / `right`, `pageup`, `pagedown`, `home`, `end`, `backspace`, `delete`, and
 * control chords as `ctrl-d`. Pure; takes Ink's `useInput` arguments.
 */
export function keyName(input: string, key: Partial<Key>): string {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  if (key.backspace) return 'backspace';
  if (key.delete) return 'delete';
  if (key.ctrl && input) return `ctrl-${input.toLowerCase()}`;
  if (input === ' ') return 'space';
  return input;
}

const ARROWS: Readonly<Record<string, string>> = { up: '↑', down: '↓', left: '←', right: '→' };
const WORDS: Readonly<Record<string, string>> = { enter: 'Enter', esc: 'Esc', tab: 'Tab', 'shift-tab': 'Shift-Tab', space: 'space' };

/** How a key name is shown in help and hints; arrows as words in ASCII mode. */
export function keyLabel(name: string, ascii: boolean): string {
  if (ARROWS[name]) return ascii ? name : ARROWS[name]!;
  return WORDS[name] ?? name;
}
