import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { both } from '../locales/text.js';

/**
 * The import step: the office imports the laboratory's register with `duban tb import`
 * (straight into the plugin's tables, never through the chain) and submits its id here,
 * with the yearly negative volume and the positivity rate when they are known better
 * than this one quarter's register shows.
 */
export const registerImportForm: TaskTypeDefinition = {
  name: 'tb-lab.register-import',
  title: both('task.registerImport'),
  form: {
    register: { type: 'string', required: true, min: 1, max: 300, label: both('field.register') },
    annualNegatives: { type: 'integer', min: 1, label: both('field.annualNegatives') },
    positivity: { type: 'number', min: 0.0001, max: 0.9999, label: both('field.positivity') },
  },
};
