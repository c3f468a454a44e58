/** What a tab shows: a list of findings for a query, or the open findings counted by department. */
export type TabKind = 'findings' | 'departments';

/** A tab of saved filters on the findings screen. */
export interface SavedFilter {
  readonly id: string;
  /** The label's key under `tab.` in the console's locales. */
  readonly labelKey: string;
  readonly kind: TabKind;
  /** The query in the filter language; `/` starts editing from it. */
  readonly query: string;
}

/**
 * The tabs every console has, in order. Queries are written in the filter language, so
 * what a tab shows is exactly what typing its query after `/` shows.
 */
export const SAVED_FILTERS: readonly SavedFilter[] = [
  { id: 'mine', labelKey: 'tab.myQueue', kind: 'findings', query: 'assignee:@me status:active' },
  { id: 'overdue', labelKey: 'tab.overdue', kind: 'findings', query: 'overdue:yes' },
  { id: 'departments', labelKey: 'tab.byDepartment', kind: 'departments', query: 'status:active' },
  { id: 'awaiting', labelKey: 'tab.awaiting', kind: 'findings', query: 'status:awaiting_verification' },
  { id: 'escalated', labelKey: 'tab.escalated', kind: 'findings', query: 'escalated:yes status:active' },
  { id: 'closed', labelKey: 'tab.closed', kind: 'findings', query: 'status:closed' },
];

/** The transient tab a `/` filter opens, after the saved ones. */
export function customFilter(query: string): SavedFilter {
  return { id: 'custom', labelKey: 'tab.custom', kind: 'findings', query };
}
