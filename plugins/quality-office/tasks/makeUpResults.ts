import type { FieldProblem, TaskTypeDefinition } from '../../../core/plugin/index.js';
import { duplicateProblems } from '../lib/duplicateProblems.js';
import { recordsOf } from '../lib/listValues.js';
import { both, say } from '../locales/text.js';

/**
 * The results of the make-up tasks: exactly one per person on the make-up list, with
 * the make-up score of those who attended.
 */
export const makeUpResults: TaskTypeDefinition = {
  name: 'quality-office.make-up-results',
  title: both('makeUp.results.title'),
  form: {
    results: {
      type: 'list',
      required: true,
      min: 1,
      label: both('makeUp.results.results'),
      items: {
        person: { type: 'person', required: true, label: both('field.person') },
        attended: { type: 'boolean', required: true, label: both('makeUp.results.attended') },
        score: { type: 'number', min: 0, max: 100, label: both('scores.score') },
        note: { type: 'text', max: 2000, label: both('field.note') },
      },
    },
  },
  validate(data, instance) {
    const results = recordsOf(data.results);
    const owed = recordsOf(instance.data.makeUp)
      .map((m) => m.person)
      .filter((p): p is string => typeof p === 'string');
    const problems: FieldProblem[] = duplicateProblems(
      results.map((r) => r.person),
      (i) => `results.${i}.person`,
    );
    results.forEach((r, i) => {
      if (typeof r.person === 'string' && !owed.includes(r.person)) {
        problems.push({ path: `results.${i}.person`, message: say('en', 'makeUp.results.notOnList', { person: r.person }) });
      }
      if (r.attended === true && typeof r.score !== 'number') {
        problems.push({ path: `results.${i}.score`, message: say('en', 'makeUp.results.needScore') });
      }
    });
    const recorded = new Set(results.map((r) => r.person));
    for (const person of owed) {
      if (!recorded.has(person)) problems.push({ path: 'results', message: say('en', 'makeUp.results.missing', { person }) });
    }
    return problems;
  },
};
