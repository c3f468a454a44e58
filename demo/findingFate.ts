import type { DemoRandom } from './demoRandom.js';

/** How far a department takes a finding before the story stops following it. */
export type FateStop = 'nothing' | 'ack' | 'plan' | 'submit' | 'close';

/** What happens to one finding (or one reopened round of it) in the demo history. */
export interface FindingFate {
  /**
   * When the department starts answering: in due window 0 (before the first due date),
   * 1 (after one escalation), 2 (after two), or `flagged` (only after the finding went
   * overdue at the top of the escalation chain, when the vice-president's office chased it).
   */
  readonly window: number | 'flagged';
  /** Days after the flag when the department finally answers (window `flagged`). */
  readonly rescueDays: number;
  readonly stopAfter: FateStop;
  /** The office rejects the first report (佐证不足), the department adds an action and reports again. */
  readonly rejectOnce: boolean;
  /** The office escalates by hand before the department answers. */
  readonly escalateByHand: boolean;
  /** The office reopens the closed finding by hand after a follow-up visit. */
  readonly reopenByHand: boolean;
  /** The head adds a note when planning. */
  readonly note: boolean;
}

/** What the draw depends on. */
export interface FateContext {
  /** Due windows before the finding is flagged: 3 from level 1, 2 for a critical one opened at level 2. */
  readonly windows: number;
  /** A reopened finding (recurrence or by hand): answered more slowly, never reopened by hand again. */
  readonly reopened: boolean;
  /**
   * For a finding opened in the last weeks of the history, its place among them. The
   * office's backlog at the end comes from these: every few of them is left waiting,
   * acknowledged only, planned only or awaiting verification, in turn, so the backlog has
   * every state whatever the seed. Older findings were all answered in the end.
   */
  readonly backlogSlot?: number;
}

/** How the backlog slots take turns: a stall, or (null) an ordinary fate. */
const BACKLOG_CYCLE: readonly (FateStop | null)[] = ['submit', 'ack', null, 'plan', 'nothing', null, 'ack', 'plan', null];

/**
 * Draws a finding's fate. Most are answered before their due date and closed; some only
 * after one or two escalations; a few only after being flagged at the top; a few are
 * rejected once, escalated or reopened by hand; of the recent ones, some are still
 * waiting at the end ({@link FateContext.backlogSlot}). Pure: the same random stream and
 * context give the same fate.
 */
export function drawFindingFate(random: DemoRandom, context: FateContext): FindingFate {
  const base: FindingFate = { window: 0, rescueDays: 0, stopAfter: 'close', rejectOnce: false, escalateByHand: false, reopenByHand: false, note: random.chance(0.3) };
  const late = (window: number): FindingFate => ({ ...base, window: Math.min(window, context.windows - 1) });
  const flagged: FindingFate = { ...base, window: 'flagged', rescueDays: random.between(4, 40) };
  const roll = random.next();
  const stall = context.backlogSlot === undefined ? null : BACKLOG_CYCLE[context.backlogSlot % BACKLOG_CYCLE.length]!;
  if (stall) return { ...base, stopAfter: stall };
  if (context.reopened) {
    if (roll < 0.72) return base;
    if (roll < 0.9) return late(1);
    return flagged;
  }
  if (roll < 0.64) return base;
  if (roll < 0.76) return late(1);
  if (roll < 0.8) return late(2);
  if (roll < 0.87) return flagged;
  if (roll < 0.94) return { ...base, rejectOnce: true };
  if (roll < 0.97) return { ...base, escalateByHand: true };
  return { ...base, reopenByHand: !context.reopened };
}
