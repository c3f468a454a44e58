import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { duplicateProblems } from '../lib/duplicateProblems.js';
import { TRAINING_KIND_LABELS } from '../lib/trainingLabels.js';
import { TRAINING_KINDS } from '../lib/trainingSession.js';
import { both } from '../locales/text.js';

/** The plan of a training session: topic, kind, trainer, audience, date, targets. */
export const trainingPlan: TaskTypeDefinition = {
  name: 'quality-office.training-plan',
  title: both('plan.title'),
  form: {
    topic: { type: 'string', required: true, max: 200, label: both('plan.topic') },
    kind: {
      type: 'enum',
      required: true,
      label: both('plan.kind'),
      options: TRAINING_KINDS.map((value) => ({ value, label: TRAINING_KIND_LABELS[value] })),
    },
    // A name, not a person id: trainers are often from outside the hospital.
    trainer: { type: 'string', required: true, max: 100, label: both('plan.trainer') },
    audience: {
      type: 'list',
      required: true,
      min: 1,
      label: both('plan.audience'),
      of: { type: 'department', label: both('plan.department') },
    },
    plannedDate: { type: 'date', required: true, label: both('plan.plannedDate') },
    yearlyTarget: { type: 'integer', min: 1, label: both('plan.yearlyTarget') },
    passMark: { type: 'number', min: 0, max: 100, label: both('plan.passMark') },
  },
  validate(data) {
    return Array.isArray(data.audience) ? duplicateProblems(data.audience, (i) => `audience.${i}`) : [];
  },
};
