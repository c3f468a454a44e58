import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { BELOW_TARGET_SEVERITY, disciplineViolations } from '../lib/disciplineViolations.js';
import { computePunctuality, DEFAULT_PUNCTUALITY_TARGET, formatPercent, type AttendanceRecord } from '../lib/punctuality.js';
import { orgNames } from '../lib/orgNames.js';
import { both } from '../locales/text.js';

/**
 * Scores a submitted discipline check, outside the machine (machines stay pure): the
 * punctuality rate against the target (default 0.98) and the violations, each with its
 * severity and a finding title. The chain opens the findings from this result.
 */
export const disciplineScore: TaskTypeDefinition = {
  name: 'medtech.discipline-score',
  title: both('discipline.score.title'),
  async activity({ input, data }, { org }) {
    const roster = Array.isArray(input.roster) ? input.roster : [];
    const records = (Array.isArray(data.records) ? data.records : []) as AttendanceRecord[];
    const target = typeof input.target === 'number' ? input.target : DEFAULT_PUNCTUALITY_TARGET;
    const punctuality = computePunctuality(roster.length, records, target);
    const found = disciplineViolations(records);
    const name = await orgNames(org, 'people', found.map((v) => v.person));
    const violations = found.map((v) => ({ ...v, title: both(`discipline.finding.${v.status}`, { person: name(v.person) }) }));
    return {
      punctuality,
      belowTarget: punctuality.belowTarget,
      violations,
      departmentFinding: {
        category: 'discipline.punctuality',
        severity: BELOW_TARGET_SEVERITY,
        title: both('discipline.finding.belowTarget', {
          rate: punctuality.rate === null ? '-' : formatPercent(punctuality.rate),
          target: formatPercent(target),
        }),
      },
    };
  },
};
