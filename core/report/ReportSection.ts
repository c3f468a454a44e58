import type { PluginServices } from '../plugin/PluginServices.js';
import type { Localized } from '../i18n/Localized.js';
import type { FindingFigures } from './FindingFigures.js';
import type { ReportPeriod } from './ReportPeriod.js';

/**
 * A cell of a report table: a number, a text, a text in both languages, or null (no
 * figure: a rate without a denominator, say). Renderers never invent a value for null.
 */
export type ReportValue = number | string | Localized | null;

/**
 * How a column's values are shown. Numbers stay numbers in JSON and xlsx; only the
 * text renderers format them.
 * - `department`: a department id, shown by its name;
 * - `percent`: a fraction (0.975), shown as 97.5%;
 * - `days`: a duration in days, shown with one decimal;
 * - `date` / `datetime`: an ISO instant, shown in the report's time zone.
 */
export type ReportFormat = 'text' | 'department' | 'integer' | 'decimal' | 'percent' | 'days' | 'date' | 'datetime';

/** A column of a {@link ReportTable}: the key of its cells in each row, a label and a format. */
export interface ReportColumn {
  readonly key: string;
  readonly label: Localized;
  readonly format: ReportFormat;
}

/** A table of a section: what md, html, csv and xlsx show, one row an object keyed by column. */
export interface ReportTable {
  /** Unique within its section; stable (tests and tools address tables by it). */
  readonly id: string;
  readonly title: Localized;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly Readonly<Record<string, ReportValue>>[];
}

/**
 * A horizontal bar chart drawn from a table: one bar a row, `label` and `value` naming
 * the columns. `target` draws a target line (in the value's unit: 0.98 for a percent column).
 */
export interface ReportChart {
  readonly id: string;
  readonly title: Localized;
  readonly table: string;
  readonly label: string;
  readonly value: string;
  readonly target?: number;
}

/**
 * What a section builder returns. `data` holds every figure with stable English keys (the
 * JSON output and the TUI dashboard read it); `tables` and `charts` are how the figures are
 * shown; `sentences` are the key sentences of a year-end summary, filled with the
 * figures (asked for on yearly reports only); `notes` state definitions and denominators.
 */
export interface ReportSection {
  readonly data: Readonly<Record<string, unknown>>;
  readonly tables: readonly ReportTable[];
  readonly charts?: readonly ReportChart[];
  readonly sentences?: readonly Localized[];
  readonly notes?: readonly Localized[];
}

/** What a section builder receives: its plugin's services, the period and scope, its plugin's config. */
export interface ReportContext<DB = any> extends PluginServices<DB> {
  readonly period: ReportPeriod;
  /** The departments the report covers (the chosen one and its sub-departments); null for the whole hospital. */
  readonly departments: readonly string[] | null;
  /** The plugin's section of the config file (`pluginConfig.<id>`); `{}` for core sections. */
  readonly config: Readonly<Record<string, unknown>>;
  /** A department's name from the org (the id itself in both languages when the org does not know it). */
  readonly departmentName: (id: string) => Localized;
  /** The findings figures of the period and scope, queried once per report however many sections ask. */
  readonly findingFigures: () => Promise<FindingFigures>;
}

/**
 * A section a plugin contributes to `duban report` (and the TUI dashboard): data with
 * zh/en labels. The report command assembles the sections of every loaded plugin in
 * `order` (core's findings section is 0; ties by id).
 *
 * @example
 * reportSections: [{ id: 'discipline', title: { 'zh-CN': '劳动纪律', en: 'Discipline' }, order: 20, build: buildDisciplineSection }]
 */
export interface ReportSectionDefinition {
  /** Unique in a report; the key of the section in the JSON output. */
  readonly id: string;
  readonly title: Localized;
  readonly order?: number;
  /** Computes the section: every figure in SQL or one pass over the rows read, never a query per item. */
  readonly build: (ctx: ReportContext) => Promise<ReportSection>;
}
