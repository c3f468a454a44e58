import type { MakeUpTask, Score } from './trainingSession.js';

/** What {@link makeUpList} reads of a held session. */
export interface MakeUpInput {
  readonly expected: readonly string[];
  readonly present: readonly string[];
  readonly scores: readonly Score[];
  readonly passMark: number;
}

/**
 * Who owes a make-up, in roster order: everyone expected who did not sign in (`absent`),
 * everyone present who scored below the pass mark (`failed`), and everyone present
 * without a score (`not-assessed`: the assessment is part of the training). A score equal
 * to the pass mark passes. Pure.
 *
 * @example
 * makeUpList({ expected: ['a', 'b', 'c'], present: ['a', 'b'], scores: [{ person: 'a', score: 59 }, { person: 'b', score: 60 }], passMark: 60 })
 * // [{ person: 'a', reason: 'failed', score: 59 }, { person: 'c', reason: 'absent' }]
 */
export function makeUpList(session: MakeUpInput): MakeUpTask[] {
  const present = new Set(session.present);
  const scores = new Map(session.scores.map((s) => [s.person, s.score]));
  const tasks: MakeUpTask[] = [];
  for (const person of new Set(session.expected)) {
    if (!present.has(person)) {
      tasks.push({ person, reason: 'absent' });
      continue;
    }
    const score = scores.get(person);
    if (score === undefined) tasks.push({ person, reason: 'not-assessed' });
    else if (score < session.passMark) tasks.push({ person, reason: 'failed', score });
  }
  return tasks;
}
