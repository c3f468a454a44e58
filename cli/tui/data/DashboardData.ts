import type { Localized } from '../../../core/i18n/Localized.js';
import type { ReportFormat } from '../../../core/report/ReportSection.js';

/** A labelled value of a bar chart; `text` is the value as shown (a count, a rate). */
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

/** A chart a report section declares, with its rows read from the section's table. */
export interface ChartView {
  readonly id: string;
  readonly title: Localized;
  readonly bars: readonly { readonly label: Localized; readonly value: number | null }[];
  readonly format: ReportFormat;
  /** In the value's unit (0.98 for a percent chart). */
  readonly target?: number;
}

/** A dashboard panel: data to draw, or why there is none yet (never invented numbers). */
export type Panel<T> = { readonly kind: 'data'; readonly data: T } | { readonly kind: 'empty'; readonly what: Localized };

/** What the dashboard draws. */
export interface DashboardData {
  readonly overdueByDepartment: Panel<readonly BarDatum[]>;
  readonly openedPerWeek: Panel<Series>;
  readonly closedPerWeek: Panel<Series>;
  /** Punctuality per department, month by month (from the discipline report section). */
  readonly punctualityTrend: Panel<{ readonly months: readonly string[]; readonly departments: readonly Series[]; readonly target: number }>;
  /** This month's charts of the plugins' report sections (punctuality, slide QC, trainings, quality points). */
  readonly reportCharts: readonly (Panel<ChartView> & { readonly title: Localized })[];
  readonly unread: Panel<{ readonly count: number; readonly latest: readonly { readonly text: Localized; readonly at: string }[] }>;
}
