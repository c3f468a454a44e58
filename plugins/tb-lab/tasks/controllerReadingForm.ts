import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { both } from '../locales/text.js';
import { readingsField } from './readingFields.js';

/**
 * Blinded rechecking: the controller reads every selected slide without the laboratory's
 * results (no command shows them before the reading is recorded) and grades it, with the
 * six smear-quality marks. Readings come in the form's `readings`, or one by one through
 * `duban tb read`; submitting the form says the rechecking is done.
 */
export const controllerReadingForm: TaskTypeDefinition = {
  name: 'tb-lab.controller-reading',
  title: both('task.controllerReading'),
  form: { readings: readingsField(true) },
};
