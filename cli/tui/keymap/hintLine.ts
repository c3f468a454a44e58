import type { Translate } from '../i18n/tuiText.js';
import type { FindingAction } from '../model/findingPermissions.js';
import type { OfficeCommand } from '../model/officeCommands.js';
import { ACTION_KEYS, firstKey, KEYMAP, type KeyScope } from './keymap.js';

/** A short hint: keys and a one-word label key (under `hint.` or `action.`). */
interface Hint {
  readonly keys: string;
  readonly label: string;
}

const HINTS: Readonly<Partial<Record<KeyScope, readonly Hint[]>>> = {
  list: [
    { keys: 'j/k', label: 'hint.move' },
    { keys: 'Enter', label: 'hint.open' },
    { keys: 'Tab', label: 'hint.tabs' },
    { keys: '/', label: 'hint.filter' },
    { keys: 'space', label: 'hint.mark' },
  ],
  detail: [
    { keys: 'j/k', label: 'hint.scroll' },
    { keys: 'Esc', label: 'hint.back' },
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
  { keys: ':', label: 'hint.palette' },
  { keys: '1-5', label: 'hint.screens' },
  { keys: 'L', label: 'hint.lang' },
  { keys: '?', label: 'hint.help' },
  { keys: 'q', label: 'hint.quit' },
];

/**
 * The hint line under a screen: the few keys of the current scope, the finding actions
 * the current person may take on the finding under the cursor and the office's actions
 * bound in this scope that `can()` allows him (only those: what is not offered is not
 * shown), then the keys that work everywhere. Pure.
 */
export function hintLine(scope: KeyScope, t: Translate, options: { actions?: readonly FindingAction[]; commands?: readonly OfficeCommand[] } = {}): string {
  const actions = scope === 'list' || scope === 'detail' ? (options.actions ?? []).map((a) => ({ keys: ACTION_KEYS[a], label: `action.${a}` })) : [];
  const office = (options.commands ?? []).flatMap((c) => {
    const key = firstKey(KEYMAP, scope, c);
    return key ? [{ keys: key, label: `hint.${c}` }] : [];
  });
  return [...(HINTS[scope] ?? []), ...actions, ...office, ...ALWAYS].map((h) => `${h.keys} ${t(h.label)}`).join(' · ');
}
