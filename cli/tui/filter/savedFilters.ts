import type { Language, Localized } from '../../../core/i18n/Localized.js';
import type { Seat } from '../model/seat.js';

/** What a tab shows: a list of findings for a query, or the open findings counted by department. */
export type TabKind = 'findings' | 'departments';

/** A tab of saved filters on the findings screen. */
export interface SavedFilter {
  readonly id: string;
  /** The label's key under `tab.` in the console's locales. */
  readonly labelKey: string;
  readonly kind: TabKind;
  /** The query in the filter language, written in each UI language; `/` starts editing from it. */
  readonly query: Localized;
}

const both = (en: string, zh: string): Localized => ({ en, 'zh-CN': zh });

/**
 * The tabs of each seat, in order; both seats have as many, so the custom tab's index is
 * one. Queries are written in the filter language, so what a tab shows is exactly what
 * typing its query after `/` shows. The office works the whole hospital; a department
 * seat sees its departments' findings, the queue being those that wait for them whoever
 * holds them after an escalation.
 */
export const SAVED_FILTERS: Readonly<Record<Seat, readonly SavedFilter[]>> = {
  office: [
    { id: 'mine', labelKey: 'tab.myQueue', kind: 'findings', query: both('assignee:@me status:active', '负责人:@我 状态:未关闭') },
    { id: 'overdue', labelKey: 'tab.overdue', kind: 'findings', query: both('overdue:yes', '逾期:是') },
    { id: 'departments', labelKey: 'tab.byDepartment', kind: 'departments', query: both('status:active', '状态:未关闭') },
    { id: 'awaiting', labelKey: 'tab.awaiting', kind: 'findings', query: both('status:awaiting_verification', '状态:待验证') },
    { id: 'escalated', labelKey: 'tab.escalated', kind: 'findings', query: both('escalated:yes status:active', '升级:是 状态:未关闭') },
    { id: 'closed', labelKey: 'tab.closed', kind: 'findings', query: both('status:closed', '状态:已销号') },
  ],
  department: [
    { id: 'mine', labelKey: 'tab.myQueue', kind: 'findings', query: both('dept:@me status:waiting', '科室:@我 状态:待科室') },
    { id: 'overdue', labelKey: 'tab.overdue', kind: 'findings', query: both('dept:@me overdue:yes', '科室:@我 逾期:是') },
    { id: 'active', labelKey: 'tab.myDepartments', kind: 'findings', query: both('dept:@me status:active', '科室:@我 状态:未关闭') },
    { id: 'awaiting', labelKey: 'tab.awaiting', kind: 'findings', query: both('dept:@me status:awaiting_verification', '科室:@我 状态:待验证') },
    { id: 'escalated', labelKey: 'tab.escalated', kind: 'findings', query: both('dept:@me escalated:yes status:active', '科室:@我 升级:是 状态:未关闭') },
    { id: 'closed', labelKey: 'tab.closed', kind: 'findings', query: both('dept:@me status:closed', '科室:@我 状态:已销号') },
  ],
};

/** The number of saved tabs of every seat (the custom tab comes after them). */
export const SAVED_TAB_COUNT = SAVED_FILTERS.office.length;

/** A saved filter's query in the UI language. */
export function queryIn(saved: SavedFilter, lang: Language): string {
  return saved.query[lang];
}

/** The transient tab a `/` filter opens, after the saved ones: the query as typed, in any language. */
export function customFilter(query: string): SavedFilter {
  return { id: 'custom', labelKey: 'tab.custom', kind: 'findings', query: both(query, query) };
}
