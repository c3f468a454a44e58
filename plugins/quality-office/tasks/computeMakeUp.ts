import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { stringsOf } from '../lib/listValues.js';
import { makeUpList } from '../lib/makeUpList.js';
import { passMarkOf, scoresOf } from '../lib/summarizeSession.js';
import { both } from '../locales/text.js';

/**
 * Works out who owes a make-up from the sign-in and the scores (the machine stays pure:
 * the list is computed here and returns as `task.done` data).
 * Result: `makeUp` (the tasks), `makeUpCount`, `passMark` (the one applied).
 */
export const computeMakeUp: TaskTypeDefinition = {
  name: 'quality-office.compute-make-up',
  title: both('makeUp.compute.title'),
  async activity({ data }) {
    const attendance = (data.attendance ?? {}) as Record<string, unknown>;
    const passMark = passMarkOf(data);
    const makeUp = makeUpList({
      expected: stringsOf(attendance.expected),
      present: stringsOf(attendance.present),
      scores: scoresOf(data),
      passMark,
    });
    return { makeUp, makeUpCount: makeUp.length, passMark };
  },
};
