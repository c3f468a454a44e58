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
  /**
   * Opened in the last weeks of the history. Only these may be left unanswered: older
   * findings left alone would have been chased long ago.
   */
  readonly recent: boolean;
  /** A reopened finding (recurrence or by hand): answered more slowly, never reopened by hand again. */
  readonly reopened: boolean;
}

/**
 * Draws a finding's fate. Most are answered before their due date and closed; some only
 * after one or two escalations; some only after being flagged; recent ones may still be
 * waiting, half-answered, or awaiting verification; a few are rejected once, escalated or
 * reopened by hand. Pure: the same random stream gives the same fate.
 */
export function drawFindingFate(random: DemoRandom, context: FateContext): FindingFate {
  const base: FindingFate = { window: 0, rescueDays: 0, stopAfter: 'close', rejectOnce: false, escalateByHand: false, reopenByHand: false, note: random.chance(0.3) };
  const late = (window: number): FindingFate => ({ ...base, window: Math.min(window, context.windows - 1) });
  const flagged: FindingFate = { ...base, window: 'flagged', rescueDays: random.between(4, 40) };
  // Unanswered fates of old findings become "answered once flagged".
  const unanswered = (stopAfter: FateStop): FindingFate => (context.recent ? { ...base, stopAfter } : flagged);
  const roll = random.next();
  if (context.reopened) {
    if (roll < 0.7) return base;
    if (roll < 0.82) return late(1);
    if (roll < 0.88) return flagged;
    return unanswered(random.pick(['nothing', 'ack', 'plan'] as const));
  }
  if (roll < 0.52) return base;
  if (roll < 0.6) return late(1);
  if (roll < 0.63) return late(2);
  if (roll < 0.68) return flagged;
  if (roll < 0.73) return context.recent ? { ...base, stopAfter: 'submit' } : base;
  if (roll < 0.79) return unanswered('ack');
  if (roll < 0.85) return unanswered('plan');
  if (roll < 0.9) return unanswered('nothing');
  if (roll < 0.94) return { ...base, rejectOnce: true };
  if (roll < 0.97) return { ...base, escalateByHand: true };
  return { ...base, reopenByHand: true };
}
