import type { FindingSummary } from '../../../core/findings/Finding.js';
import type { ActionInput } from '../data/TuiData.js';
import { lineOf } from '../model/lineEdit.js';
import { ACTION_EVENTS, ACTION_STAGES, availabilityOf, IRREVERSIBLE, type Availability, type FindingAction, type InputStage } from '../model/findingPermissions.js';
import type { ConsoleContext } from './ConsoleContext.js';
import { errorText } from './errorText.js';
import { say } from './say.js';

/** The finding under the cursor on the findings list, if its row is loaded. */
export function currentFinding(ctx: ConsoleContext): FindingSummary | undefined {
  const { findings } = ctx.view();
  if (findings.current.saved.kind !== 'findings') return undefined;
  return findings.rowAt(ctx.store.state.findings.list.cursor);
}

/** Why an action is not offered, in the console's language. */
export function unavailableText(ctx: ConsoleContext, action: FindingAction, available: Exclude<Availability, { ok: true }>, finding: FindingSummary): string {
  const { t } = ctx.view();
  const why =
    available.why === 'wrongStep'
      ? t('action.wrongStep', { status: t(`status.${finding.status}`) })
      : available.why === 'notNow'
        ? t('action.notNow', { status: t(`status.${finding.status}`) })
        : available.why === 'unknownPerson'
        ? t('action.unknownPerson')
        : t('action.notAllowed', { action: t(`action.${action}`) });
  return `${t(`action.${action}`)}: ${t('action.unavailable')} · ${why}`;
}

/**
 * Starts a finding action on the marked findings, or on the one under the cursor. For a
 * single finding the core's `can()` is asked first (afresh, not the pane's copy) and a
 * refusal says why; for marked findings core decides each one and the result says how
 * many it refused. Then the action's first prompt opens, or its confirmation.
 */
export async function startAction(ctx: ConsoleContext, action: FindingAction): Promise<void> {
  const { t } = ctx.view();
  const marks = [...ctx.store.state.findings.marks];
  let ids = marks;
  if (ids.length === 0) {
    const finding = currentFinding(ctx);
    if (!finding) return say(ctx, t('result.nothingSelected'), 'warning');
    let available: Availability;
    try {
      available = availabilityOf(action, await ctx.data.decisions(finding.id));
    } catch (error) {
      return ctx.fail(error);
    }
    if (!available.ok) return say(ctx, unavailableText(ctx, action, available, finding), 'warning');
    ids = [finding.id];
  } else {
    // Marked findings: only those the action may be taken on (a bulk close only closes what
    // can be closed); the confirmation then says how many.
    try {
      ids = await ctx.data.allowedAmong(marks, ACTION_EVENTS[action]);
    } catch (error) {
      return ctx.fail(error);
    }
    if (ids.length === 0) return say(ctx, `${t(`action.${action}`)}: ${t('action.unavailable')} · ${t('action.noneOfMarked', { count: marks.length })}`, 'warning');
  }
  if (bulk(marks) && ACTION_STAGES[action].includes('actionId')) return say(ctx, t('action.oneAtATime', { action: t(`action.${action}`) }), 'warning');
  ctx.store.update((s) => ({ ...s, message: null }));
  await afterInput(ctx, action, ids, {}, bulk(marks));
}

function bulk(marks: readonly string[]): boolean {
  return marks.length > 0;
}

/** What a stage's prompt starts with: the first choice, or the first open action the person may mark done. */
async function firstValue(ctx: ConsoleContext, stage: InputStage, id: string): Promise<string> {
  if (stage === 'kind') return 'corrective';
  if (stage === 'category') return 'people';
  if (stage !== 'actionId') return '';
  const decisions = await ctx.data.decisions(id);
  const open = (await ctx.data.finding(id)).actions.filter((a) => a.status === 'open');
  return (open.find((a) => decisions.get(`ACTION_DONE:${a.id}`)?.allowed) ?? open[0])?.id ?? '';
}

/**
 * After one prompt is answered (or none yet): the action's next stage is asked, the
 * person stages with the picker and the others on the prompt line; once all are given,
 * an action on marked findings, or one that cannot be undone, asks y/N first (No by
 * default); any other runs.
 */
export async function afterInput(ctx: ConsoleContext, action: FindingAction, ids: readonly string[], input: ActionInput, marked: boolean): Promise<void> {
  const stage = ACTION_STAGES[action].find((s) => input[s === 'person' ? 'person' : s] === undefined);
  if (stage === 'person' || stage === 'owner') {
    ctx.store.update((s) => ({ ...s, overlay: { kind: 'picker', purpose: stage === 'person' ? 'assign' : 'owner', ids, bulk: marked, input, line: lineOf(''), choice: 0 } }));
    return;
  }
  if (stage) {
    let start: string;
    try {
      start = await firstValue(ctx, stage, ids[0]!);
    } catch (error) {
      return ctx.fail(error);
    }
    ctx.store.update((s) => ({ ...s, overlay: { kind: 'text', action, stage, ids, bulk: marked, input, line: lineOf(start) } }));
    return;
  }
  if (marked || IRREVERSIBLE.has(action)) {
    ctx.store.update((s) => ({ ...s, overlay: { kind: 'confirm', action, ids, input } }));
    return;
  }
  ctx.store.update((s) => ({ ...s, overlay: null }));
  await runAction(ctx, action, ids, input);
}

/** The confirmation question of an action. */
export function confirmQuestion(ctx: ConsoleContext, action: FindingAction, count: number): string {
  const { t } = ctx.view();
  return t(count === 1 ? 'prompt.confirmOne' : 'prompt.confirm', { what: t(`verb.${action}`), count });
}

/**
 * Runs an action on each finding through core, one event each; a refusal (role, step,
 * conflict) does not stop the others. Says how many were done and, if any were refused,
 * how many and the first reason. Then reads everything again.
 */
export async function runAction(ctx: ConsoleContext, action: FindingAction, ids: readonly string[], input: ActionInput): Promise<void> {
  const { t } = ctx.view();
  let done = 0;
  const refused: unknown[] = [];
  for (const id of ids) {
    try {
      await ctx.data.act(action, id, input);
      done++;
    } catch (error) {
      refused.push(error);
    }
  }
  const lang = ctx.store.state.lang;
  const parts = [t('result.done', { what: t(`verb.${action}Done`), count: done })];
  if (refused.length > 0) parts.push(t('result.refused', { count: refused.length, reason: errorText(refused[0], lang) }));
  ctx.store.update((s) => ({
    ...s,
    message: { text: parts.join(' · '), tone: refused.length > 0 ? 'danger' : 'ok' },
    findings: done > 0 && s.findings.marks.size > 0 ? { ...s.findings, marks: new Set() } : s.findings,
  }));
  ctx.refresh();
}
