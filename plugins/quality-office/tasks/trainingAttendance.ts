import type { FieldProblem, TaskTypeDefinition } from '../../../core/plugin/index.js';
import { duplicateProblems } from '../lib/duplicateProblems.js';
import { stringsOf } from '../lib/listValues.js';
import { both, say } from '../locales/text.js';

/**
 * The sign-in of a training session: who was expected (the roster of the audience) and
 * who signed in. Everyone expected but absent owes a make-up, so the roster is required.
 */
export const trainingAttendance: TaskTypeDefinition = {
  name: 'quality-office.training-attendance',
  title: both('attendance.title'),
  form: {
    heldOn: { type: 'date', required: true, label: both('attendance.heldOn') },
    expected: { type: 'list', required: true, min: 1, label: both('attendance.expected'), of: { type: 'person', label: both('field.person') } },
    // Required but may be empty: nobody came is a record too.
    present: { type: 'list', required: true, label: both('attendance.present'), of: { type: 'person', label: both('field.person') } },
  },
  validate(data) {
    const expected = new Set(stringsOf(data.expected));
    const present = Array.isArray(data.present) ? data.present : [];
    const problems: FieldProblem[] = [
      ...duplicateProblems(Array.isArray(data.expected) ? data.expected : [], (i) => `expected.${i}`),
      ...duplicateProblems(present, (i) => `present.${i}`),
    ];
    present.forEach((person, i) => {
      if (typeof person === 'string' && !expected.has(person)) {
        problems.push({ path: `present.${i}`, message: say('en', 'attendance.notExpected', { person }) });
      }
    });
    return problems;
  },
};
