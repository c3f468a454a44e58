import type { Localized } from '../../../core/i18n/Localized.js';

/** A labelled value of a bar chart; `target` draws a target mark (0..1 for rates). */
export interface BarDatum {
  readonly label: string;
  readonly value: number;
  readonly text?: string;
}

/** A series of one value per period, oldest first; null where a period has no data. */
export interface Series {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly target?: number;
}

/** A dashboard panel: data to draw, or why there is none yet (never invented numbers). */
export type Panel<T> = { readonly kind: 'data'; readonly data: T } | { readonly kind: 'empty'; readonly what: Localized };

/** What the dashboard draws. */
export interface DashboardData {
  readonly overdueByDepartment: Panel<readonly BarDatum[]>;
  readonly openedPerWeek: Panel<Series>;
  readonly closedPerWeek: Panel<Series>;
  readonly punctuality: Panel<readonly Series[]>;
  readonly slideQc: Panel<readonly BarDatum[]>;
  readonly trainings: Panel<readonly BarDatum[]>;
  readonly unread: Panel<{ readonly count: number; readonly latest: readonly { readonly text: Localized; readonly at: string }[] }>;
}
