import type { Localized } from '../../../core/plugin/index.js';
import { both } from '../locales/text.js';
import type { TrainingFigures } from './trainingFigures.js';
import { TRAINING_KINDS, type MakeUpReason, type TrainingKind } from './trainingSession.js';

/** The zh-CN / en name of each training kind, for forms and reports. */
export const TRAINING_KIND_LABELS: Readonly<Record<TrainingKind, Localized>> = Object.fromEntries(
  TRAINING_KINDS.map((kind) => [kind, both(`training.kind.${kind}`)]),
) as Record<TrainingKind, Localized>;

/** The zh-CN / en name of each make-up reason. */
export const MAKE_UP_REASON_LABELS: Readonly<Record<MakeUpReason, Localized>> = {
  absent: both('makeUp.reason.absent'),
  failed: both('makeUp.reason.failed'),
  'not-assessed': both('makeUp.reason.not-assessed'),
};

/** The zh-CN / en name of each training figure, for the report that prints them. */
export const TRAINING_FIGURE_LABELS: Readonly<Record<keyof TrainingFigures, Localized>> = {
  sessionsHeld: both('figures.sessionsHeld'),
  attendance: both('figures.attendance'),
  passRate: both('figures.passRate'),
  peopleTrained: both('figures.peopleTrained'),
  personTimesTrained: both('figures.personTimes'),
};
