import type { Localized } from '../i18n/Localized.js';
import type { ReportPeriod } from './ReportPeriod.js';
import type { ReportSection } from './ReportSection.js';

/** A section as assembled into a report: who contributed it, its title, and what it built. */
export interface AssembledSection extends ReportSection {
  readonly id: string;
  readonly title: Localized;
  /** The contributing plugin's id; null for the core's own section. */
  readonly plugin: string | null;
}

/** A section that failed to build: the report goes on without it and says so. */
export interface SectionFailure {
  readonly section: string;
  readonly plugin: string | null;
  readonly code: string;
  readonly message: string;
}

/**
 * A monthly or yearly report: what `duban report … --format json` prints, with stable
 * English keys; every other format is drawn from it.
 */
export interface Report {
  readonly report: 'monthly' | 'yearly';
  readonly period: ReportPeriod;
  readonly generatedAt: string;
  /** The department asked for (`--dept`) and the ids it covers (with its sub-departments); nulls for the whole hospital. */
  readonly scope: { readonly department: string | null; readonly departments: readonly string[] | null };
  /** Names of the departments of the org, by id, for tables that show department ids. */
  readonly departments: Readonly<Record<string, Localized>>;
  /** Section ids in the order they are shown. */
  readonly sectionOrder: readonly string[];
  readonly sections: Readonly<Record<string, AssembledSection>>;
  readonly failures: readonly SectionFailure[];
}
