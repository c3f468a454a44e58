import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { summarizeSession } from '../lib/summarizeSession.js';
import { both } from '../locales/text.js';

/**
 * Archives a held session: its data summarised as a `TrainingSessionResult` (returned as
 * `record`), the form `trainingFigures` reads.
 */
export const archiveTraining: TaskTypeDefinition = {
  name: 'quality-office.archive-training',
  title: both('archive.title'),
  async activity({ data }) {
    return { record: summarizeSession(data, 'held') };
  },
};
