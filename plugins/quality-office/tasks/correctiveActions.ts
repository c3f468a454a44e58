import type { FieldSpec, TaskTypeDefinition } from '../../../core/plugin/index.js';
import { actionListProblems } from '../lib/actionListProblems.js';
import { both } from '../locales/text.js';

/** The fields of one corrective action: a number to refer to it, what, who, by when. */
export const actionItemFields: Readonly<Record<string, FieldSpec>> = {
  id: { type: 'string', required: true, max: 20, label: both('actions.id') },
  action: { type: 'text', required: true, max: 4000, label: both('actions.action') },
  owner: { type: 'person', required: true, label: both('actions.owner') },
  due: { type: 'date', required: true, label: both('actions.due') },
};

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
