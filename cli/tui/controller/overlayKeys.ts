import { parseFilterQuery } from '../filter/parseFilterQuery.js';
import { pickerMatches } from '../components/PersonPicker.js';
import { CURSOR_START } from '../model/listCursor.js';
import { editLine, lineText } from '../model/lineEdit.js';
import { parseFieldInput, withValue } from '../model/formDraft.js';
import type { Overlay } from '../model/uiState.js';
import { CUSTOM_TAB } from '../model/uiState.js';
import type { ConsoleContext } from './ConsoleContext.js';
import { afterInput, runAction } from './findingActions.js';
import { chainPickerKey } from './officeCommands.js';
import { paletteKey } from './paletteKeys.js';
import { choiceKey } from '../model/choiceKey.js';
import { choiceValue } from '../model/stageChoices.js';
import { closeOverlay, say } from './say.js';

/**
 * Handles a key while a prompt is open: typing edits its line, Enter takes it, Esc
 * cancels (never quits). Confirmations take `y` for yes; every other key, Enter
 * included, is No.
 */
export function overlayKey(ctx: ConsoleContext, overlay: Overlay, name: string, input: string): void {
  const { t } = ctx.view();
  if (overlay.kind === 'help') {
    if (name === 'esc' || name === '?' || name === 'q') closeOverlay(ctx);
    return;
  }
  if (overlay.kind === 'confirm' || overlay.kind === 'confirmRetry' || overlay.kind === 'confirmLeave') {
    closeOverlay(ctx);
    if (input !== 'y' && input !== 'Y') return say(ctx, t('prompt.cancelled'), 'muted');
    if (overlay.kind === 'confirm') void runAction(ctx, overlay.action, overlay.ids, overlay.input);
    else if (overlay.kind === 'confirmLeave') ctx.exit();
    else void retryIncident(ctx, overlay.id);
    return;
  }
  if (name === 'esc') {
    closeOverlay(ctx);
    return say(ctx, t('prompt.cancelled'), 'muted');
  }
  if (overlay.kind === 'picker') return pickerKey(ctx, overlay, name, input);
  if (overlay.kind === 'palette') return paletteKey(ctx, overlay, name, input);
  if (overlay.kind === 'chains') return chainPickerKey(ctx, overlay, name, input);
  if (name === 'enter') return submitLine(ctx, overlay);
  ctx.store.update((s) => (s.overlay === overlay ? { ...s, overlay: { ...overlay, line: editLine(overlay.line, name, input) } } : s));
}

function submitLine(ctx: ConsoleContext, overlay: Extract<Overlay, { kind: 'filter' | 'text' | 'field' }>): void {
  const { t } = ctx.view();
  const text = lineText(overlay.line).trim();
  if (overlay.kind === 'filter') {
    // Problems are shown live under the line; Enter does nothing until they are fixed.
    if (filterProblem(ctx, text) !== undefined) return;
    ctx.store.update((s) => ({
      ...s,
      overlay: null,
      findings: { ...s.findings, tab: text === '' ? 0 : CUSTOM_TAB, custom: text === '' ? null : text, list: CURSOR_START, focus: 'list', detailTop: 0, marks: new Set() },
    }));
    return;
  }
  if (overlay.kind === 'text') {
    if (text === '') return;
    const value = choiceValue(overlay.stage, text);
    if (value === undefined) return say(ctx, t('prompt.notAChoice', { value: text }), 'warning');
    return void afterInput(ctx, overlay.action, overlay.ids, { ...overlay.input, [overlay.stage]: value }, overlay.bulk);
  }
  const form = ctx.view().form;
  if (!form) return closeOverlay(ctx);
  const row = form.rows.find((r) => r.path === overlay.path);
  ctx.store.update((s) => ({
    ...s,
    overlay: null,
    tasks: { ...s.tasks, draft: row ? withValue(s.tasks.draft, overlay.path, parseFieldInput(row.field, lineText(overlay.line))) : s.tasks.draft },
  }));
}

/** The first problem of a filter being typed, in the console's language (undefined when it parses). */
export function filterProblem(ctx: ConsoleContext, text: string): string | undefined {
  const view = ctx.view();
  const parsed = parseFilterQuery(text, { me: ctx.data.actor, departments: view.departments.length > 0 ? view.departments : undefined, people: view.people });
  const first = parsed.problems[0];
  return first ? first.message[ctx.store.state.lang] : undefined;
}

function pickerKey(ctx: ConsoleContext, overlay: Extract<Overlay, { kind: 'picker' }>, name: string, input: string): void {
  const matches = pickerMatches(ctx.view().people, lineText(overlay.line));
  if (name === 'enter') {
    const person = matches[Math.min(overlay.choice, matches.length - 1)];
    if (!person) return;
    if (overlay.purpose === 'assign') return void afterInput(ctx, 'assign', overlay.ids, { person: person.id }, overlay.bulk === true);
    if (overlay.purpose === 'owner') return void afterInput(ctx, 'plan', overlay.ids, { ...overlay.input, owner: person.id }, overlay.bulk === true);
    ctx.store.update((s) => ({ ...s, overlay: null, tasks: { ...s.tasks, draft: withValue(s.tasks.draft, overlay.path!, person.id) } }));
    return;
  }
  ctx.store.update((s) => ({ ...s, overlay: choiceKey(overlay, name, input, matches.length) }));
}

async function retryIncident(ctx: ConsoleContext, id: string): Promise<void> {
  try {
    await ctx.data.retryIncident(id);
    say(ctx, ctx.view().t('result.incidentRetried', { id }));
  } catch (error) {
    ctx.fail(error);
  }
  ctx.refresh();
}
