import { DateTime } from 'luxon';
import type { Duban } from '../../../core/container/createDuban.js';
import type { Localized } from '../../../core/i18n/Localized.js';
import { assembleReport, buildReport, reportSectionsOf } from '../../../core/report/buildReport.js';
import type { Report } from '../../../core/report/Report.js';
import { monthPeriod } from '../../../core/report/ReportPeriod.js';
import type { ChartView, DashboardData, Series } from './DashboardData.js';

const TREND_MONTHS = 6;

/**
 * The dashboard's panels that come from the monthly report: every chart the plugins'
 * report sections declare for this month (the core's findings section is left out: the
 * dashboard draws those figures live), and the punctuality trend per department from the
 * discipline section of the last six months. Sections read their own tables, so what a
 * plugin adds to its report shows here too; a chart whose table has no rows is a panel
 * that says there is no data yet.
 */
export async function readReportPanels(duban: Duban): Promise<Pick<DashboardData, 'reportCharts' | 'punctualityTrend'>> {
  const now = duban.clock.now();
  const zone = duban.settings.timeZone;
  const months = Array.from({ length: TREND_MONTHS }, (_, i) => DateTime.fromJSDate(now, { zone }).minus({ months: TREND_MONTHS - 1 - i }).toFormat('yyyy-MM'));
  const current = await buildReport(duban, { period: monthPeriod(months.at(-1)!, zone, now) });
  const discipline = reportSectionsOf(duban).filter((s) => s.definition.id === 'discipline');
  const earlier = await Promise.all(
    months.slice(0, -1).map((month) => assembleReport({ duban, sections: discipline, period: monthPeriod(month, zone, now), generatedAt: now })),
  );
  return { reportCharts: chartsOf(current), punctualityTrend: trendOf([...earlier, current], months) };
}

/** The charts of a report's plugin sections, each with its rows, labels resolved. Pure. */
export function chartsOf(report: Report): DashboardData['reportCharts'] {
  const panels: DashboardData['reportCharts'][number][] = [];
  for (const id of report.sectionOrder) {
    const section = report.sections[id]!;
    if (section.plugin === null) continue;
    for (const chart of section.charts ?? []) {
      const table = section.tables.find((t) => t.id === chart.table);
      const label = table?.columns.find((c) => c.key === chart.label);
      const value = table?.columns.find((c) => c.key === chart.value);
      const bars = (table?.rows ?? [])
        .map((row) => ({ label: labelOf(row[chart.label], label?.format === 'department' ? report.departments : undefined), value: typeof row[chart.value] === 'number' ? (row[chart.value] as number) : null }))
        .filter((b) => b.value !== null);
      const view: ChartView = { id: `${id}.${chart.id}`, title: chart.title, bars, format: value?.format ?? 'decimal', ...(chart.target !== undefined ? { target: chart.target } : {}) };
      panels.push(bars.length > 0 ? { kind: 'data', data: view, title: chart.title } : { kind: 'empty', what: chart.title, title: chart.title });
    }
  }
  return panels;
}

/** Punctuality by department over the months, from the discipline section's data. Pure. */
export function trendOf(reports: readonly Report[], months: readonly string[]): DashboardData['punctualityTrend'] {
  type ByDept = { department: string; rate: number | null; target: number };
  const rows = reports.map((r) => {
    const data = r.sections.discipline?.data as { punctuality?: { byDepartment?: ByDept[]; target?: number } } | undefined;
    return { list: data?.punctuality?.byDepartment ?? [], target: data?.punctuality?.target };
  });
  const departments = [...new Set(rows.flatMap((r) => r.list.map((d) => d.department)))].sort();
  const target = [...rows].reverse().map((r) => r.target).find((t): t is number => typeof t === 'number') ?? 0.98;
  if (departments.length === 0) return { kind: 'empty', what: { 'zh-CN': '劳动纪律检查', en: 'discipline checks' } };
  const series: Series[] = departments.map((department) => ({
    label: department,
    values: rows.map((r) => r.list.find((d) => d.department === department)?.rate ?? null),
    target,
  }));
  return { kind: 'data', data: { months, departments: series, target } };
}

function labelOf(value: unknown, departments: Readonly<Record<string, Localized>> | undefined): Localized {
  if (typeof value === 'string') return departments?.[value] ?? { 'zh-CN': value, en: value };
  if (value && typeof value === 'object' && 'en' in value) return value as Localized;
  return { 'zh-CN': String(value ?? ''), en: String(value ?? '') };
}
