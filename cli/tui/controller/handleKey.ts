import { tuiText } from '../i18n/tuiText.js';
import { keyName } from '../keymap/keyName.js';
import { splitInput } from '../keymap/splitInput.js';
import { KEYMAP, resolveCommand, type Command, type KeyScope } from '../keymap/keymap.js';
import { moveCursor, type CursorMove } from '../model/listCursor.js';
import { formIsOpen, SCREENS, type UiState } from '../model/uiState.js';
import { officeCommand } from './officeCommands.js';
import { OFFICE_COMMANDS, type OfficeCommand } from '../model/officeCommands.js';
import type { Key } from 'ink';
import type { ConsoleContext } from './ConsoleContext.js';
import { findingsCommand } from './findingsCommands.js';
import { overlayKey } from './overlayKeys.js';
import { say } from './say.js';
import { lineOf } from '../model/lineEdit.js';
import { formCommand, taskListCommand } from './taskCommands.js';

/** The keymap scopes in effect, most specific first. */
export function activeScopes(state: UiState, findingsKind: 'findings' | 'departments'): KeyScope[] {
  switch (state.screen) {
    case 'findings':
      if (findingsKind === 'departments') return ['departments', 'global'];
      return state.findings.focus === 'detail' ? ['detail', 'global'] : ['list', 'global'];
    case 'tasks':
      return formIsOpen(state.tasks) ? ['form', 'global'] : ['tasks', 'global'];
    case 'incidents':
      return ['incidents', 'global'];
    case 'schedules':
      return ['schedules', 'global'];
    default:
      return ['global'];
  }
}

/**
 * The console's one input handler: an open prompt takes the key; otherwise the key is
 * resolved through the keymap in the active scopes and the command runs against the
 * state as it is now (never a render's copy).
 */
export function handleKey(ctx: ConsoleContext, input: string, key: Partial<Key>): void {
  splitInput(input, key, () => takesText(ctx.store.state), (event) => handleOneKey(ctx, event.input, event.key));
}

/** Whether an open prompt is taking typed text (a paste stays whole there). */
function takesText(state: UiState): boolean {
  const kind = state.overlay?.kind;
  return kind === 'filter' || kind === 'text' || kind === 'field' || kind === 'picker' || kind === 'palette' || kind === 'chains';
}

function handleOneKey(ctx: ConsoleContext, input: string, key: Partial<Key>): void {
  const state = ctx.store.state;
  const name = keyName(input, key);
  if (state.overlay) return overlayKey(ctx, state.overlay, name, input);
  const command = resolveCommand(KEYMAP, activeScopes(state, ctx.view().findings.current.saved.kind), name);
  if (!command) return;
  if (state.message && command !== 'help') ctx.store.update((s) => ({ ...s, message: null }));
  runCommand(ctx, command);
}

/** Runs a command as its key would (the palette runs them by name too). */
export function runCommand(ctx: ConsoleContext, command: Command): void {
  const state = ctx.store.state;
  const view = ctx.view();
  switch (command) {
    case 'quit':
      // A half-filled form is not thrown away on one key.
      if (formIsOpen(state.tasks) && Object.keys(state.tasks.draft).length > 0) return ctx.store.update((s) => ({ ...s, overlay: { kind: 'confirmLeave' } }));
      return ctx.exit();
    case 'palette':
      return ctx.store.update((s) => ({ ...s, message: null, overlay: { kind: 'palette', line: lineOf(''), choice: 0 } }));
    case 'help':
      return ctx.store.update((s) => ({ ...s, overlay: { kind: 'help' } }));
    case 'lang': {
      const lang = state.lang === 'zh-CN' ? 'en' : 'zh-CN';
      ctx.store.update((s) => ({ ...s, lang }));
      return say(ctx, tuiText(lang)('result.langSwitched'));
    }
    case 'refresh':
      ctx.refresh();
      return say(ctx, view.t('result.refreshed'), 'muted');
    case 'screenFindings':
    case 'screenTasks':
    case 'screenDashboard':
    case 'screenSchedules':
    case 'screenIncidents': {
      const screen = SCREENS[['screenFindings', 'screenTasks', 'screenDashboard', 'screenSchedules', 'screenIncidents'].indexOf(command)]!;
      return ctx.store.update((s) => ({ ...s, screen }));
    }
    default:
      break;
  }
  // The office's actions run from wherever the key or the palette is.
  if ((OFFICE_COMMANDS as readonly Command[]).includes(command)) return officeCommand(ctx, command as OfficeCommand);
  if (state.screen === 'findings') {
    findingsCommand(ctx, command);
  } else if (state.screen === 'tasks') {
    if (formIsOpen(state.tasks)) formCommand(ctx, command);
    else taskListCommand(ctx, command);
  } else if (state.screen === 'incidents') {
    incidentCommand(ctx, command);
  } else if (state.screen === 'schedules' && isMove(command)) {
    ctx.store.update((s) => ({ ...s, schedules: moveCursor(s.schedules, command as CursorMove, view.schedules?.length ?? 0, view.listRows) }));
  }
}

function incidentCommand(ctx: ConsoleContext, command: Command): void {
  const view = ctx.view();
  if (isMove(command)) {
    ctx.store.update((s) => ({ ...s, incidents: moveCursor(s.incidents, command as CursorMove, view.incidents?.length ?? 0, view.listRows) }));
    return;
  }
  if (command === 'retry') {
    const incident = view.incidents?.[ctx.store.state.incidents.cursor];
    if (incident) ctx.store.update((s) => ({ ...s, overlay: { kind: 'confirmRetry', id: incident.id } }));
  }
}

function isMove(command: Command): boolean {
  return ['down', 'up', 'top', 'bottom', 'halfDown', 'halfUp'].includes(command);
}
