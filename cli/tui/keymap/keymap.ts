import type { FindingAction } from '../model/findingPermissions.js';
import type { OfficeCommand } from '../model/officeCommands.js';

/** Where a binding applies. `global` applies on every screen unless a prompt is open. */
export type KeyScope = 'global' | 'list' | 'detail' | 'departments' | 'tasks' | 'form' | 'incidents' | 'schedules';

/** Everything a key can ask the console to do. */
export type Command =
  | 'quit'
  | 'help'
  | 'lang'
  | 'refresh'
  | 'screenFindings'
  | 'screenTasks'
  | 'screenDashboard'
  | 'screenSchedules'
  | 'screenIncidents'
  | 'down'
  | 'up'
  | 'top'
  | 'bottom'
  | 'halfDown'
  | 'halfUp'
  | 'open'
  | 'back'
  | 'nextTab'
  | 'prevTab'
  | 'filter'
  | 'mark'
  | 'markAll'
  | FindingAction
  | OfficeCommand
  | 'palette'
  | 'nextField'
  | 'prevField'
  | 'edit'
  | 'toggle'
  | 'prevOption'
  | 'addItem'
  | 'removeItem'
  | 'submit'
  | 'retry';

/** One line of the keymap: the keys, what they do, where. Labels live under `key.<command>`. */
export interface Binding {
  readonly command: Command;
  readonly keys: readonly string[];
  readonly scope: KeyScope;
}

const move = (scope: KeyScope): Binding[] => [
  { command: 'down', keys: ['j', 'down'], scope },
  { command: 'up', keys: ['k', 'up'], scope },
  { command: 'top', keys: ['g', 'home'], scope },
  { command: 'bottom', keys: ['G', 'end'], scope },
  { command: 'halfDown', keys: ['ctrl-d', 'pagedown'], scope },
  { command: 'halfUp', keys: ['ctrl-u', 'pageup'], scope },
];

/** The finding actions' keys, the department's steps first, then the office's. */
export const ACTION_KEYS: Readonly<Record<FindingAction, string>> = {
  ack: 'A',
  rootCause: 'W',
  plan: 'p',
  done: 'd',
  evidence: 'f',
  requestExtension: 't',
  submitFinding: 's',
  note: 'n',
  assign: 'a',
  escalate: 'e',
  grantExtension: 'T',
  refuseExtension: 'D',
  setDue: 'u',
  reject: 'x',
  close: 'c',
  reopen: 'O',
};

/** The keys of the office's actions outside a finding: N and S wherever findings or tasks are listed. */
const startActions = (scope: KeyScope): Binding[] => [
  { command: 'newFinding', keys: ['N'], scope },
  { command: 'startChain', keys: ['S'], scope },
];

const findingActions = (scope: KeyScope): Binding[] =>
  (Object.entries(ACTION_KEYS) as [FindingAction, string][]).map(([command, key]) => ({ command, keys: [key], scope }));

/**
 * The console's keymap, as data: the input handler resolves keys with it and `?` prints
 * it, so help can never disagree with what the keys do. Keys follow gh-dash, k9s and
 * lazygit: vim moves, Enter opens, Esc goes back, `/` filters, `?` helps, `q` quits.
 */
export const KEYMAP: readonly Binding[] = [
  { command: 'quit', keys: ['q', 'ctrl-c'], scope: 'global' },
  { command: 'help', keys: ['?'], scope: 'global' },
  { command: 'lang', keys: ['L'], scope: 'global' },
  { command: 'refresh', keys: ['r'], scope: 'global' },
  { command: 'screenFindings', keys: ['1'], scope: 'global' },
  { command: 'screenTasks', keys: ['2'], scope: 'global' },
  { command: 'screenDashboard', keys: ['3'], scope: 'global' },
  { command: 'screenSchedules', keys: ['4'], scope: 'global' },
  { command: 'screenIncidents', keys: ['5'], scope: 'global' },
  { command: 'back', keys: ['esc'], scope: 'global' },
  { command: 'palette', keys: [':'], scope: 'global' },
  ...move('list'),
  { command: 'open', keys: ['enter'], scope: 'list' },
  { command: 'nextTab', keys: ['tab', 'l', 'right'], scope: 'list' },
  { command: 'prevTab', keys: ['shift-tab', 'h', 'left'], scope: 'list' },
  { command: 'filter', keys: ['/'], scope: 'list' },
  { command: 'mark', keys: ['space'], scope: 'list' },
  { command: 'markAll', keys: ['V'], scope: 'list' },
  ...findingActions('list'),
  ...startActions('list'),
  ...move('detail'),
  ...findingActions('detail'),
  ...move('departments'),
  { command: 'open', keys: ['enter'], scope: 'departments' },
  { command: 'nextTab', keys: ['tab', 'l', 'right'], scope: 'departments' },
  { command: 'prevTab', keys: ['shift-tab', 'h', 'left'], scope: 'departments' },
  { command: 'filter', keys: ['/'], scope: 'departments' },
  ...move('tasks'),
  { command: 'open', keys: ['enter'], scope: 'tasks' },
  ...startActions('tasks'),
  { command: 'nextField', keys: ['j', 'down', 'tab'], scope: 'form' },
  { command: 'prevField', keys: ['k', 'up', 'shift-tab'], scope: 'form' },
  { command: 'edit', keys: ['enter'], scope: 'form' },
  { command: 'toggle', keys: ['space', 'right'], scope: 'form' },
  { command: 'prevOption', keys: ['left'], scope: 'form' },
  { command: 'addItem', keys: ['+'], scope: 'form' },
  { command: 'removeItem', keys: ['-'], scope: 'form' },
  { command: 'submit', keys: ['ctrl-s'], scope: 'form' },
  ...move('incidents'),
  { command: 'retry', keys: ['R'], scope: 'incidents' },
  ...move('schedules'),
  { command: 'pauseSchedule', keys: ['p'], scope: 'schedules' },
];

/**
 * The command a key runs in the active scopes, tried in the order given (the most
 * specific first, `global` last), or undefined.
 */
export function resolveCommand(keymap: readonly Binding[], scopes: readonly KeyScope[], name: string): Command | undefined {
  for (const scope of scopes) {
    const hit = keymap.find((b) => b.scope === scope && b.keys.includes(name));
    if (hit) return hit.command;
  }
  return undefined;
}

/** The first key of a command in a scope (for hints like "e escalate"). */
export function firstKey(keymap: readonly Binding[], scope: KeyScope, command: Command): string | undefined {
  return keymap.find((b) => b.scope === scope && b.command === command)?.keys[0];
}
