import type { FindingSummary } from '../../../core/findings/Finding.js';
import { lineOf } from '../model/lineEdit.js';
import type { FindingAction } from '../model/findingPermissions.js';
import type { TextAction } from '../model/uiState.js';
import type { ConsoleContext } from './ConsoleContext.js';
import { errorText } from './errorText.js';
import { say } from './say.js';

const VERBS: Readonly<Record<FindingAction, { done: string; ask: string }>> = {
  escalate: { done: 'verb.escalated', ask: 'verb.escalate' },
  close: { done: 'verb.closed', ask: 'verb.close' },
  assign: { done: 'verb.assigned', ask: 'verb.assign' },
  note: { done: 'verb.noted', ask: 'verb.note' },
};

/** The finding under the cursor on the findings list, if its row is loaded. */
export function currentFinding(ctx: ConsoleContext): FindingSummary | undefined {
  const { findings } = ctx.view();
  if (findings.current.saved.kind !== 'findings') return undefined;
  return findings.rowAt(ctx.store.state.findings.list.cursor);
}

/**
 * Starts a finding action on the marked findings, or on the one under the cursor. For a
 * single finding the action must be available to the current person (the detail pane
 * shows why not); for marked findings core decides each one and the result says how
 * many it refused. Escalate, close and note ask for their text; assign opens the picker.
 */
export function startAction(ctx: ConsoleContext, action: FindingAction): void {
  const { t } = ctx.view();
  const marks = [...ctx.store.state.findings.marks];
  let ids = marks;
  if (ids.length === 0) {
    const finding = currentFinding(ctx);
    if (!finding) return say(ctx, t('result.nothingSelected'), 'warning');
    const available = ctx.view().findings.availability(action, finding);
    if (!available.ok) {
      const why =
        available.why === 'wrongStep'
          ? t('action.wrongStep', { status: t(`status.${finding.status}`) })
          : available.why === 'unknownPerson'
            ? t('action.unknownPerson')
            : t('action.notAllowed', { action: t(`action.${action}`) });
      return say(ctx, `${t(`action.${action}`)}: ${t('action.unavailable')} · ${why}`, 'warning');
    }
    ids = [finding.id];
  }
  ctx.store.update((s) => ({
    ...s,
    message: null,
    overlay:
      action === 'assign'
        ? { kind: 'picker', purpose: 'assign', ids, bulk: marks.length > 0, line: lineOf(''), choice: 0 }
        : { kind: 'text', action, ids, bulk: marks.length > 0, line: lineOf('') },
  }));
}

/**
 * After the text (or person) is given: an action on marked findings says how many and
 * confirms first, defaulting to No (the marks may be out of sight); one on the finding
 * under the cursor runs.
 */
export function afterValue(ctx: ConsoleContext, action: TextAction | 'assign', ids: readonly string[], value: string, bulk: boolean): void {
  if (bulk) {
    ctx.store.update((s) => ({ ...s, overlay: { kind: 'confirm', action, ids, value } }));
    return;
  }
  ctx.store.update((s) => ({ ...s, overlay: null }));
  void runAction(ctx, action, ids, value);
}

/** The confirmation question of a bulk action. */
export function confirmQuestion(ctx: ConsoleContext, action: FindingAction, count: number): string {
  const { t } = ctx.view();
  return t(count === 1 ? 'prompt.confirmOne' : 'prompt.confirm', { what: t(VERBS[action].ask), count });
}

/**
 * Runs an action on each finding through core, one event each; a refusal (role, step,
 * conflict) does not stop the others. Says how many were done and, if any were refused,
 * how many and the first reason. Then reads everything again.
 */
export async function runAction(ctx: ConsoleContext, action: FindingAction, ids: readonly string[], value: string): Promise<void> {
  const { t } = ctx.view();
  let done = 0;
  const refused: unknown[] = [];
  for (const id of ids) {
    try {
      if (action === 'escalate') await ctx.data.escalate(id, value);
      else if (action === 'close') await ctx.data.close(id, value);
      else if (action === 'assign') await ctx.data.assign(id, value);
      else await ctx.data.note(id, value);
      done++;
    } catch (error) {
      refused.push(error);
    }
  }
  const lang = ctx.store.state.lang;
  const parts = [t('result.done', { what: t(VERBS[action].done), count: done })];
  if (refused.length > 0) parts.push(t('result.refused', { count: refused.length, reason: errorText(refused[0], lang) }));
  ctx.store.update((s) => ({
    ...s,
    message: { text: parts.join(' · '), tone: refused.length > 0 ? 'danger' : 'ok' },
    findings: done > 0 && s.findings.marks.size > 0 ? { ...s.findings, marks: new Set() } : s.findings,
  }));
  ctx.refresh();
}
