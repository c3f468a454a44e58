import type { FieldProblem, TaskTypeDefinition } from '../../../core/plugin/index.js';
import { actionListProblems } from '../lib/actionListProblems.js';
import { both, say } from '../locales/text.js';
import { actionItemFields } from './correctiveActions.js';

/**
 * The effectiveness check N days after verification: effective closes the chain; not
 * effective reopens it to tracking with further corrective actions, which are then
 * required.
 */
export const effectivenessCheck: TaskTypeDefinition = {
  name: 'quality-office.effectiveness-check',
  title: both('effectiveness.title'),
  form: {
    effective: { type: 'boolean', required: true, label: both('effectiveness.effective') },
    note: { type: 'text', required: true, max: 4000, label: both('field.note') },
    furtherActions: { type: 'list', min: 1, label: both('effectiveness.furtherActions'), items: actionItemFields },
    trackingDue: { type: 'datetime', label: both('actions.trackingDue') },
  },
  validate(data) {
    const problems: FieldProblem[] = [];
    const hasActions = Array.isArray(data.furtherActions);
    if (data.effective === false && !hasActions) problems.push({ path: 'furtherActions', message: say('en', 'effectiveness.needActions') });
    if (data.effective === true && hasActions) problems.push({ path: 'furtherActions', message: say('en', 'effectiveness.noActions') });
    return [...problems, ...actionListProblems(data.furtherActions, 'furtherActions', data.trackingDue)];
  },
};
