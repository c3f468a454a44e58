import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { both } from '../locales/text.js';

/**
 * After a failed round the institute trains the laboratory's staff or visits the
 * laboratory on site (the WHO/IUATLD guide's corrective actions); this form records which,
 * and when.
 */
export const followUpForm: TaskTypeDefinition = {
  name: 'tb-lab.follow-up',
  title: both('task.followUp'),
  form: {
    action: {
      type: 'enum',
      required: true,
      label: both('field.action'),
      options: [
        { value: 'training', label: both('action.training') },
        { value: 'onsite-visit', label: both('action.onsite-visit') },
      ],
    },
    date: { type: 'date', required: true, label: both('field.date') },
    note: { type: 'text', max: 2000, label: both('field.note') },
  },
};
