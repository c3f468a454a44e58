import type { Localized } from '../i18n/Localized.js';

/** One overdue finding as a digest lists it. */
export interface OverdueFinding {
  readonly id: string;
  readonly departmentId: string;
  readonly title: Localized;
  readonly severity: string;
  /** ISO 8601 instant. */
  readonly dueAt: string;
  readonly level: number;
  readonly assignee: string | null;
}

/** What a digest asks for: findings overdue at `at`, of one department (and below) or all. */
export interface OverdueDigestQuery {
  readonly at: Date;
  readonly department?: string;
}

/**
 * Where the overdue-findings digest of a schedule gets its findings. The findings module
 * provides it; the composition root passes it as `createDuban({ overdueDigestSource })`
 * (token `TOKENS.OverdueDigestSource`). Schedules know nothing else about findings.
 */
export interface OverdueDigestSource {
  /** The findings open and past their due instant at `query.at`, most overdue first. */
  overdueFindings(query: OverdueDigestQuery): Promise<readonly OverdueFinding[]>;
}
