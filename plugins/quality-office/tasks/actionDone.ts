import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { recordsOf } from '../lib/listValues.js';
import { both, say } from '../locales/text.js';

/**
 * Marks one open corrective action done, with the evidence (event `ACTION_DONE`). The
 * chain's guard enforces the same rule; checking here names the field and the open ones.
 */
export const actionDone: TaskTypeDefinition = {
  name: 'quality-office.action-done',
  title: both('actionDone.title'),
  submitEvent: 'ACTION_DONE',
  form: {
    actionId: { type: 'string', required: true, max: 20, label: both('actionDone.actionId') },
    evidence: { type: 'text', required: true, max: 8000, label: both('actionDone.evidence') },
    note: { type: 'text', max: 2000, label: both('field.note') },
  },
  validate(data, instance) {
    if (typeof data.actionId !== 'string') return [];
    const open = recordsOf(instance.data.actions)
      .filter((a) => a.status === 'open')
      .map((a) => String(a.id));
    return open.includes(data.actionId)
      ? []
      : [{ path: 'actionId', message: say('en', 'actionDone.notOpen', { id: data.actionId, open: open.join(', ') || '-' }) }];
  },
};
