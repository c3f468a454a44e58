import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { both } from '../locales/text.js';
import { readingsField } from './readingFields.js';

/**
 * The umpire re-reads the discordant slides, blind to both earlier readings
 * (`duban tb slides --for-umpire` lists them without readings). The final class of each
 * is the laboratory's reading against the umpire's.
 */
export const umpireReadingForm: TaskTypeDefinition = {
  name: 'tb-lab.umpire-reading',
  title: both('task.umpireReading'),
  form: { readings: readingsField(false) },
};
