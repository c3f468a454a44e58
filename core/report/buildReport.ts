import type { Duban } from '../container/createDuban.js';
import { isDubanError } from '../errors/DubanError.js';
import { OrgDirectory } from '../org/OrgDirectory.js';
import { departmentScope } from './departmentScope.js';
import type { FindingFigures } from './FindingFigures.js';
import { findingsReportSection } from './findingsSection.js';
import { queryFindingFigures } from '../findings/queryFindingFigures.js';
import type { AssembledSection, Report, SectionFailure } from './Report.js';
import type { ReportPeriod } from './ReportPeriod.js';
import type { ReportContext, ReportSectionDefinition } from './ReportSection.js';

/** A section definition with the plugin that contributes it (null: the core). */
export interface ContributedSection {
  readonly plugin: string | null;
  readonly definition: ReportSectionDefinition;
}

/** What {@link assembleReport} needs: the engine (its database and plugin services), the sections, the period and scope. */
export interface AssembleReportInput {
  readonly duban: Pick<Duban, 'store' | 'pluginServices' | 'findingQueries'>;
  readonly sections: readonly ContributedSection[];
  readonly period: ReportPeriod;
  /** A department id (`--dept`): the report covers it and its sub-departments. */
  readonly department?: string | null;
  /** Config sections by plugin id (`pluginConfig` of the config file). */
  readonly pluginConfig?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly generatedAt: Date;
}

/**
 * The sections of a report: the core's findings section, then every loaded plugin's
 * `reportSections`, sorted by `order` then id.
 */
export function reportSectionsOf(duban: Pick<Duban, 'plugins'>): ContributedSection[] {
  return [
    { plugin: null, definition: findingsReportSection },
    ...duban.plugins.loaded.flatMap((p) => (p.definition.reportSections ?? []).map((definition) => ({ plugin: p.id, definition }))),
  ];
}

/**
 * Builds a report from its sections. The findings figures are queried once and shared
 * with every section that asks. A section that throws does not sink the report: it is
 * left out and listed in `failures` (like Kysely's migrator, a batch returns its failures).
 *
 * @throws DubanError `USAGE` for an unknown `department`.
 */
export async function assembleReport(input: AssembleReportInput): Promise<Report> {
  const db = input.duban.store.db;
  const directory = await new OrgDirectory(db).directory();
  const departments = input.department ? await departmentScope(directory, input.department, (department) => input.duban.findingQueries.count({ department })) : null;
  let figures: Promise<FindingFigures> | undefined;
  const findingFigures = () => (figures ??= queryFindingFigures(db, input.period, departments));
  const ordered = [...input.sections].sort(
    (a, b) => (a.definition.order ?? 100) - (b.definition.order ?? 100) || (a.definition.id < b.definition.id ? -1 : a.definition.id > b.definition.id ? 1 : 0),
  );
  const sections: Record<string, AssembledSection> = {};
  const sectionOrder: string[] = [];
  const failures: SectionFailure[] = [];
  for (const { plugin, definition } of ordered) {
    if (definition.id in sections) {
      failures.push({ section: definition.id, plugin, code: 'INPUT_INVALID', message: `report section "${definition.id}" is contributed twice; the first one is kept` });
      continue;
    }
    const ctx: ReportContext = {
      // The core's own sections read through the owners too: their scope holds no table.
      ...input.duban.pluginServices(plugin ?? 'core'),
      period: input.period,
      departments,
      config: plugin ? (input.pluginConfig?.[plugin] ?? {}) : {},
      departmentName: (id) => directory.names[id] ?? { 'zh-CN': id, en: id },
      findingFigures,
    };
    try {
      const built = await definition.build(ctx);
      sections[definition.id] = { id: definition.id, title: definition.title, plugin, ...built };
      sectionOrder.push(definition.id);
    } catch (error) {
      failures.push({
        section: definition.id,
        plugin,
        code: isDubanError(error) ? error.code : 'INTERNAL',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return {
    report: input.period.kind === 'month' ? 'monthly' : 'yearly',
    period: input.period,
    generatedAt: input.generatedAt.toISOString(),
    scope: { department: input.department ?? null, departments },
    departments: directory.names,
    sectionOrder,
    sections,
    failures,
  };
}

/**
 * Builds the report of a running engine: its database, its loaded plugins' sections, its
 * clock. What `duban report` and the TUI dashboard call.
 *
 * @example
 * const report = await buildReport(duban, { period: monthPeriod('2026-03', duban.settings.timeZone, duban.clock.now()) });
 * report.sections.discipline?.data
 */
export async function buildReport(
  duban: Pick<Duban, 'store' | 'plugins' | 'clock' | 'pluginServices' | 'findingQueries'>,
  options: { readonly period: ReportPeriod; readonly department?: string | null; readonly pluginConfig?: AssembleReportInput['pluginConfig'] },
): Promise<Report> {
  return assembleReport({
    duban,
    sections: reportSectionsOf(duban),
    period: options.period,
    department: options.department,
    pluginConfig: options.pluginConfig,
    generatedAt: duban.clock.now(),
  });
}
