import type { FieldProblem, TaskTypeDefinition } from '../../../core/plugin/index.js';
import { duplicateProblems } from '../lib/duplicateProblems.js';
import { recordsOf, stringsOf } from '../lib/listValues.js';
import { both, say } from '../locales/text.js';

/** The assessment of a training session: one score per person present (0 to 100). */
export const trainingScores: TaskTypeDefinition = {
  name: 'quality-office.training-scores',
  title: both('scores.title'),
  form: {
    // Required but may be empty: when nobody signed in there is nobody to score.
    scores: {
      type: 'list',
      required: true,
      label: both('scores.scores'),
      items: {
        person: { type: 'person', required: true, label: both('field.person') },
        score: { type: 'number', required: true, min: 0, max: 100, label: both('scores.score') },
      },
    },
  },
  validate(data, instance) {
    const scores = recordsOf(data.scores);
    const attendance = (instance.data.attendance ?? {}) as Record<string, unknown>;
    const present = new Set(stringsOf(attendance.present));
    const problems: FieldProblem[] = duplicateProblems(
      scores.map((s) => s.person),
      (i) => `scores.${i}.person`,
    );
    scores.forEach((s, i) => {
      if (typeof s.person === 'string' && !present.has(s.person)) {
        problems.push({ path: `scores.${i}.person`, message: say('en', 'scores.notPresent', { person: s.person }) });
      }
    });
    return problems;
  },
};
