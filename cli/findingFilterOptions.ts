import { DubanError } from '../core/errors/DubanError.js';
import { FINDING_STATUSES, SEVERITIES } from '../core/findings/Finding.js';
import type { FindingFilter } from '../core/findings/FindingQueries.js';

/** Turns `findings list` options into a filter, refusing unknown values with a usage error. */
export function parseFindingFilter(opts: Record<string, string | boolean | undefined>, actor: string): FindingFilter {
  const status = opts.status as string | undefined;
  if (status !== undefined && status !== 'active' && !(FINDING_STATUSES as readonly string[]).includes(status)) {
    throw new DubanError('USAGE', `--status: "${status}" is not one of ${[...FINDING_STATUSES, 'active'].join(', ')}`, { place: { argument: '--status' } });
  }
  const severity = opts.severity as string | undefined;
  if (severity !== undefined && !(SEVERITIES as readonly string[]).includes(severity)) {
    throw new DubanError('USAGE', `--severity: "${severity}" is not one of ${SEVERITIES.join(', ')}`, { place: { argument: '--severity' } });
  }
  const assignee = opts.assignee === '@me' ? actor : (opts.assignee as string | undefined);
  return {
    status: status as FindingFilter['status'],
    department: opts.dept as string | undefined,
    severity: severity as FindingFilter['severity'],
    overdue: opts.overdue === true ? true : undefined,
    escalated: opts.escalated === true ? true : undefined,
    flagged: opts.flagged === true ? true : undefined,
    assignee,
    text: opts.text as string | undefined,
  };
}
