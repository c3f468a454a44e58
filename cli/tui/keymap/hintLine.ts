import type { Translate } from '../i18n/tuiText.js';
import type { Command, KeyScope } from './keymap.js';

/** A short hint: keys and a one-word label key (under `hint.` or `action.`). */
interface Hint {
  readonly keys: string;
  readonly label: string;
  /** The command whose availability greys the hint out. */
  readonly command?: Command;
}

const HINTS: Readonly<Partial<Record<KeyScope, readonly Hint[]>>> = {
  list: [
    { keys: 'j/k', label: 'hint.move' },
    { keys: 'Enter', label: 'hint.open' },
    { keys: 'Tab', label: 'hint.tabs' },
    { keys: '/', label: 'hint.filter' },
    { keys: 'space', label: 'hint.mark' },
    { keys: 'e', label: 'action.escalate', command: 'escalate' },
    { keys: 'c', label: 'action.close', command: 'close' },
    { keys: 'a', label: 'action.assign', command: 'assign' },
    { keys: 'n', label: 'action.note', command: 'note' },
  ],
  detail: [
    { keys: 'j/k', label: 'hint.scroll' },
    { keys: 'Esc', label: 'hint.back' },
    { keys: 'e', label: 'action.escalate', command: 'escalate' },
    { keys: 'c', label: 'action.close', command: 'close' },
    { keys: 'a', label: 'action.assign', command: 'assign' },
    { keys: 'n', label: 'action.note', command: 'note' },
  ],
  departments: [
    { keys: 'j/k', label: 'hint.move' },
    { keys: 'Enter', label: 'hint.open' },
    { keys: 'Tab', label: 'hint.tabs' },
  ],
  tasks: [
    { keys: 'j/k', label: 'hint.move' },
    { keys: 'Enter', label: 'hint.open' },
  ],
  form: [
    { keys: 'j/k', label: 'hint.move' },
    { keys: 'Enter', label: 'hint.edit' },
    { keys: 'space', label: 'hint.toggle' },
    { keys: '+/-', label: 'hint.items' },
    { keys: 'ctrl-s', label: 'hint.submit' },
    { keys: 'Esc', label: 'hint.back' },
  ],
  incidents: [
    { keys: 'j/k', label: 'hint.move' },
    { keys: 'R', label: 'hint.retry' },
  ],
  schedules: [{ keys: 'j/k', label: 'hint.move' }],
};

const ALWAYS: readonly Hint[] = [
  { keys: '1-5', label: 'hint.screens' },
  { keys: 'L', label: 'hint.lang' },
  { keys: '?', label: 'hint.help' },
  { keys: 'q', label: 'hint.quit' },
];

/**
 * The hint line under a screen: the few keys of the current scope, then the keys that
 * work everywhere. An action the current person may not take keeps its place, marked
 * unavailable in text (`✗`, or `(x)` in ASCII), so the line reads without colour. Pure.
 */
export function hintLine(scope: KeyScope, t: Translate, options: { ascii: boolean; unavailable?: ReadonlySet<Command> }): string {
  const mark = options.ascii ? '(x)' : '✗';
  return [...(HINTS[scope] ?? []), ...ALWAYS]
    .map((h) => `${h.keys} ${t(h.label)}${h.command && options.unavailable?.has(h.command) ? mark : ''}`)
    .join(' · ');
}
