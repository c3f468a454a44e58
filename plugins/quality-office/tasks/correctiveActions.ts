import type { FieldProblem, FieldSpec, TaskTypeDefinition } from '../../../core/index.js';
import { duplicateProblems, recordsOf } from '../lib/listProblems.js';
import { both, say } from '../locales/text.js';

/** The fields of one corrective action: a number to refer to it, what, who, by when. */
export const actionItemFields: Readonly<Record<string, FieldSpec>> = {
  id: { type: 'string', required: true, max: 20, label: both('actions.id') },
  action: { type: 'text', required: true, max: 4000, label: both('actions.action') },
  owner: { type: 'person', required: true, label: both('actions.owner') },
  due: { type: 'date', required: true, label: both('actions.due') },
};

/**
 * Problems of a list of corrective actions at `path`: numbers used twice, and due dates
 * after the tracking deadline (compared as the calendar date the deadline is written in).
 * Pure.
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

/**
 * The corrective actions agreed at the meeting, each with an owner and a due date, and
 * optionally the instant by which all must be done (the tracking SLA; default 30 days).
 */
export const correctiveActions: TaskTypeDefinition = {
  name: 'quality-office.corrective-actions',
  title: both('actions.title'),
  form: {
    actions: { type: 'list', required: true, min: 1, label: both('actions.actions'), items: actionItemFields },
    trackingDue: { type: 'datetime', label: both('actions.trackingDue') },
  },
  validate(data) {
    return actionListProblems(data.actions, 'actions', data.trackingDue);
  },
};
