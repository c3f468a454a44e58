import { chainMatches } from '../components/ChainPicker.js';
import { choiceKey } from '../model/choiceKey.js';
import { lineOf, lineText } from '../model/lineEdit.js';
import { officeOffered, type OfficeCommand } from '../model/officeCommands.js';
import { formIsOpen, type Overlay, type StartForm } from '../model/uiState.js';
import type { ConsoleContext } from './ConsoleContext.js';
import { say } from './say.js';

/**
 * Runs one of the office's actions outside a finding. What `can()` did not allow is
 * refused with the reason in words; a schedule is paused or resumed through the core
 * even so, which refuses and audits it (its words come back as the error).
 */
export function officeCommand(ctx: ConsoleContext, command: OfficeCommand): void {
  const { t, rights } = ctx.view();
  if (command === 'pauseSchedule') return void toggleSchedule(ctx);
  // Until can() has answered, nothing is refused in its name.
  if (!rights) return say(ctx, t('app.loading'), 'muted');
  if (!officeOffered(rights).includes(command)) {
    const why = command === 'startChain' ? t('action.noChains') : t('action.notAllowedHere', { action: t(`action.${command}`) });
    return say(ctx, `${t(`action.${command}`)}: ${t('action.unavailable')} · ${why}`, 'warning');
  }
  if (command === 'newFinding') return openStartForm(ctx, { kind: 'finding', from: ctx.store.state.screen });
  ctx.store.update((s) => ({ ...s, overlay: { kind: 'chains', line: lineOf(''), choice: 0 } }));
}

/** Opens a form that starts something, on the tasks screen; a half-filled form is not thrown away for it. */
function openStartForm(ctx: ConsoleContext, start: StartForm): void {
  const state = ctx.store.state;
  if (formIsOpen(state.tasks) && Object.keys(state.tasks.draft).length > 0) return say(ctx, ctx.view().t('start.formOpen'), 'warning');
  ctx.store.update((s) => ({ ...s, overlay: null, message: null, screen: 'tasks', tasks: { ...s.tasks, open: null, start, field: 0, draft: {} } }));
}

/** Keys of the chain chooser: typing filters, ↑/↓ choose, Enter opens the chosen chain's input form. */
export function chainPickerKey(ctx: ConsoleContext, overlay: Extract<Overlay, { kind: 'chains' }>, name: string, input: string): void {
  const matches = chainMatches(ctx.view().rights?.chains ?? [], lineText(overlay.line));
  if (name === 'enter') {
    const chain = matches[Math.min(overlay.choice, matches.length - 1)];
    if (chain) openStartForm(ctx, { kind: 'chain', chainId: chain.id, from: ctx.store.state.screen });
    return;
  }
  ctx.store.update((s) => ({ ...s, overlay: choiceKey(overlay, name, input, matches.length) }));
}

/** Pauses the schedule under the cursor, or resumes it when paused. */
async function toggleSchedule(ctx: ConsoleContext): Promise<void> {
  const { t, schedules } = ctx.view();
  const schedule = ctx.store.state.screen === 'schedules' ? schedules?.[ctx.store.state.schedules.cursor] : undefined;
  if (!schedule) return say(ctx, t('schedule.none'), 'warning');
  const pause = schedule.status !== 'paused';
  try {
    await ctx.data.setSchedulePaused(schedule.id, pause);
    say(ctx, t(pause ? 'schedule.paused' : 'schedule.resumed', { name: schedule.name[ctx.store.state.lang] }));
  } catch (error) {
    ctx.fail(error);
  }
  ctx.refresh();
}
