import { choiceKey } from '../model/choiceKey.js';
import { lineText } from '../model/lineEdit.js';
import { officeOffered } from '../model/officeCommands.js';
import { paletteEntries, type PaletteEntry } from '../model/paletteEntries.js';
import type { Overlay } from '../model/uiState.js';
import type { ConsoleContext } from './ConsoleContext.js';
import { runCommand } from './handleKey.js';
import { say } from './say.js';

/** The palette's entries for what the console shows now (shared with its view, so Enter runs what is shown). */
export function paletteNow(ctx: ConsoleContext, query: string): PaletteEntry[] {
  const state = ctx.store.state;
  const onFindings = state.screen === 'findings' && ctx.view().findings.current.saved.kind === 'findings';
  // A schedule is paused from its own screen, where the cursor says which.
  const office = officeOffered(ctx.view().rights).filter((c) => c !== 'pauseSchedule' || state.screen === 'schedules');
  return paletteEntries(query, { decisions: ctx.view().findings.decisions, marked: state.findings.marks.size > 0, onFindings, office });
}

/** Keys of the open palette: typing filters, ↑/↓ choose, Enter runs the chosen command if it is enabled. */
export function paletteKey(ctx: ConsoleContext, overlay: Extract<Overlay, { kind: 'palette' }>, name: string, input: string): void {
  const entries = paletteNow(ctx, lineText(overlay.line));
  if (name === 'enter') {
    const entry = entries[Math.min(overlay.choice, entries.length - 1)];
    if (!entry) return;
    if (!entry.enabled) return say(ctx, `${entry[ctx.store.state.lang === 'zh-CN' ? 'zh' : 'en']}: ${ctx.view().t('action.unavailable')}`, 'warning');
    ctx.store.update((s) => ({ ...s, overlay: null }));
    return runCommand(ctx, entry.command);
  }
  ctx.store.update((s) => ({ ...s, overlay: choiceKey(overlay, name, input, entries.length) }));
}
