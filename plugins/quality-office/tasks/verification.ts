import type { FieldProblem, TaskTypeDefinition } from '../../../core/plugin/index.js';
import { isPositiveIsoDuration } from '../lib/isPositiveIsoDuration.js';
import { both, say } from '../locales/text.js';

/**
 * The quality office accepts the corrective actions as done (event `SUBMIT`), and may set
 * when their effectiveness is checked (default 30 days). Rejecting one action is the
 * separate `REOPEN_ACTION` event, which sends the chain back to tracking.
 */
export const verification: TaskTypeDefinition = {
  name: 'quality-office.verification',
  title: both('verification.title'),
  form: {
    note: { type: 'text', required: true, max: 4000, label: both('field.note') },
    checkAfter: { type: 'string', max: 20, label: both('verification.checkAfter') },
  },
  validate(data) {
    const problems: FieldProblem[] = [];
    if (typeof data.checkAfter === 'string' && data.checkAfter !== '' && !isPositiveIsoDuration(data.checkAfter)) {
      problems.push({ path: 'checkAfter', message: say('en', 'verification.badDuration', { value: data.checkAfter }) });
    }
    return problems;
  },
};
