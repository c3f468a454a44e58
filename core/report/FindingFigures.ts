import type { Severity } from '../findings/Finding.js';
import type { Localized } from '../i18n/Localized.js';

/**
 * What happened to findings in a period. `opened`, `closed`, `escalated` and `reopened`
 * count findings (each at most once) by what the audit log and the read model record in
 * the period; `open` and `overdue` are states at the period's `asOf`.
 */
export interface FindingCounts {
  readonly opened: number;
  /** Findings with a closing (CLOSE) in the period. */
  readonly closed: number;
  /** Of `closed`, those closed after their due date. */
  readonly closedLate: number;
  /** Not closed at `asOf`. */
  readonly open: number;
  /** Open at `asOf` and past their due date then. */
  readonly overdue: number;
  /** Escalated in the period: by hand or SLA breach (ESCALATE), or opened escalated at once (a duty-post absence). */
  readonly escalated: number;
  /** Reopened in the period (by hand or by the effectiveness re-check). */
  readonly reopened: number;
}

/**
 * Days from opening to closing of the findings closed in a period: the median (the mean of
 * the two middle values when their number is even) and the 90th percentile by the
 * nearest-rank method (the smallest value with at least 90% of the values at or below
 * it). Null when nothing was closed.
 */
export interface TimeToClose {
  readonly count: number;
  readonly medianDays: number | null;
  readonly p90Days: number | null;
}

/** An open finding among the oldest of the period's end. */
export interface OldestOpenFinding {
  readonly id: string;
  readonly department: string;
  readonly severity: Severity;
  readonly status: string;
  readonly subject: string;
  readonly title: Localized;
  readonly openedAt: string;
  readonly dueAt: string | null;
  /** Days from opening to `asOf`. */
  readonly ageDays: number;
  readonly overdue: boolean;
  readonly level: number;
}

/**
 * Corrective and preventive action in a period: actions due in it (on time, late, still
 * open), extension requests (made, granted, refused in it), and the root-cause categories
 * of the findings opened in it, per department.
 */
export interface CapaFigures {
  readonly actionsDue: number;
  readonly actionsOnTime: number;
  readonly actionsLate: number;
  readonly actionsOpen: number;
  readonly extensionsRequested: number;
  readonly extensionsGranted: number;
  readonly extensionsRefused: number;
  readonly rootCauses: readonly { readonly department: string; readonly category: string; readonly count: number }[];
}

/** The findings figures of a period: totals, by department, by severity, both, and the oldest open. */
export interface FindingFigures {
  readonly asOf: string;
  readonly totals: FindingCounts & { readonly timeToClose: TimeToClose };
  readonly byDepartment: readonly (FindingCounts & { readonly department: string; readonly timeToClose: TimeToClose })[];
  readonly bySeverity: readonly (FindingCounts & { readonly severity: Severity; readonly timeToClose: TimeToClose })[];
  /** One row per department and severity with any count. */
  readonly byDepartmentAndSeverity: readonly (FindingCounts & { readonly department: string; readonly severity: Severity })[];
  /** The ten oldest findings still open at `asOf`, oldest first. */
  readonly oldestOpen: readonly OldestOpenFinding[];
  /** Corrective and preventive action (CAPA) of the period. */
  readonly capa: CapaFigures;
}
