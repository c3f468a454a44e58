import type { FieldProblem } from '../../../core/plugin/index.js';
import { say } from '../locales/text.js';
import { duplicateProblems } from './duplicateProblems.js';
import { recordsOf } from './listValues.js';

/**
 * Problems of a list of corrective actions at `path`: numbers used twice, and due dates
 * after the tracking deadline. The deadline is compared as the calendar date it is
 * written in (`2026-03-12T18:00+08:00` is 12 March), which is how people read it. Pure.
 *
 * @example
 * actionListProblems([{ id: 'A1', due: '2026-03-20' }], 'actions', '2026-03-12T18:00:00+08:00')
 * // [{ path: 'actions.0.due', message: 'due 2026-03-20, after the tracking deadline 2026-03-12' }]
 */
export function actionListProblems(actions: unknown, path: string, trackingDue: unknown): FieldProblem[] {
  const items = recordsOf(actions);
  const problems = duplicateProblems(
    items.map((a) => a.id),
    (i) => `${path}.${i}.id`,
  );
  if (typeof trackingDue === 'string' && trackingDue.length >= 10) {
    const deadline = trackingDue.slice(0, 10);
    items.forEach((a, i) => {
      if (typeof a.due === 'string' && a.due > deadline) {
        problems.push({ path: `${path}.${i}.due`, message: say('en', 'actions.afterTrackingDue', { due: a.due, deadline }) });
      }
    });
  }
  return problems;
}
