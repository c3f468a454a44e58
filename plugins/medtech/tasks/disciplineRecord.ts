import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { ATTENDANCE_STATUSES } from '../lib/punctuality.js';
import { both } from '../locales/text.js';
import { coverageProblems } from './coverageProblems.js';

/**
 * The inspector's record of a discipline check (劳动纪律检查): one line per person on the
 * chain's roster, each found on time, late, left early, away from post or on leave.
 * Submitting refuses a record that misses a roster person, names one twice, or names
 * someone not on the roster.
 */
export const disciplineRecord: TaskTypeDefinition = {
  name: 'medtech.discipline-record',
  title: both('discipline.record.title'),
  form: {
    records: {
      type: 'list',
      required: true,
      min: 1,
      label: both('discipline.record.records'),
      items: {
        person: { type: 'person', required: true, label: both('discipline.record.person') },
        status: {
          type: 'enum',
          required: true,
          label: both('discipline.record.status'),
          options: ATTENDANCE_STATUSES.map((value) => ({ value, label: both(`status.${value}`) })),
        },
        note: { type: 'text', max: 500, label: both('discipline.record.note') },
      },
    },
  },
  validate(data, instance) {
    const roster = Array.isArray(instance.input.roster) ? instance.input.roster.map(String) : [];
    const records = Array.isArray(data.records) ? (data.records as Record<string, unknown>[]) : [];
    return coverageProblems(roster, records, 'records', 'person', 'coverage.people');
  },
};
