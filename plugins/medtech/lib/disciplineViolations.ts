import type { AttendanceRecord, AttendanceStatus } from './punctuality.js';

/** How severe a finding is, as the findings module grades it. */
export type Severity = 'minor' | 'major' | 'critical';

/** The statuses that are violations. */
export type ViolationStatus = Exclude<AttendanceStatus, 'on_time' | 'on_leave'>;

/**
 * Severity of a discipline violation. Leaving one's post or wandering to other posts
 * (离岗串岗) leaves patients without the person on the rota, so it is major; being late
 * or leaving early (迟到、早退) is minor. Absence from a *duty* post is a duty-post
 * inspection finding, critical (see dutyPostFindings.ts).
 */
export const VIOLATION_SEVERITY: Readonly<Record<ViolationStatus, Severity>> = {
  late: 'minor',
  left_early: 'minor',
  away_from_post: 'major',
};

/**
 * Severity of the finding against a department whose punctuality is below its target:
 * a shortfall for the head to correct; the individual violations are findings already.
 */
export const BELOW_TARGET_SEVERITY: Severity = 'minor';

/** One violation found on a discipline check: a finding against the person. */
export interface Violation {
  readonly person: string;
  readonly status: ViolationStatus;
  readonly severity: Severity;
  /** The finding category, `discipline.<status>`. */
  readonly category: string;
  readonly note?: string;
}

/** The violations of a check, in record order (on time and on leave are none). Pure. */
export function disciplineViolations(records: readonly AttendanceRecord[]): Violation[] {
  return records.flatMap((r) => {
    if (r.status === 'on_time' || r.status === 'on_leave') return [];
    return [{ person: r.person, status: r.status, severity: VIOLATION_SEVERITY[r.status], category: `discipline.${r.status}`, ...(r.note ? { note: r.note } : {}) }];
  });
}
