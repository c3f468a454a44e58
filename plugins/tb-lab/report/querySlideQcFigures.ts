import { inDepartments, type ReportContext } from '../../../core/plugin/index.js';
import { ERROR_CLASSES } from '../lib/classifyReading.js';
import { countErrorClasses, type ErrorCounts } from '../lib/countErrorClasses.js';
import type { SampleEvaluation } from '../lib/evaluateSample.js';
import { cureRate, sputumConversionRate } from '../lib/programmeIndicators.js';
import { SMEAR_QUALITY_FEATURES, type SmearQualitySummary } from '../lib/smearQuality.js';
import type { RoundPlan } from '../store/roundStore.js';
import type { CohortOutcome, LabSlideQcFigures, SlideQcFigures } from './SlideQcFigures.js';

/**
 * The WHO target for the cure rate of new smear-positive patients (85%), used for both
 * indicators unless the config says otherwise (`conversionTarget`, `cureTarget`): WHO,
 * *Treatment of tuberculosis: guidelines for national programmes* (3rd ed., 2003).
 */
export const DEFAULT_INDICATOR_TARGET = 0.85;

interface RoundRow {
  department: string;
  plan: string;
  created_at: string;
  verdict: string | null;
  evaluated_at: string | null;
}

/**
 * The slide QC figures of the report's period, in two queries: the rounds of the year up to
 * the period's end (their stored evaluations and plans, folded in one pass) and the
 * cohorts recorded in that time. A round counts in the period it was evaluated in.
 *
 * Config (`pluginConfig.tb-lab`): `recheckTarget` (the target contract's slides a year),
 * `recheckTargets` (per lab), `conversionTarget`, `cureTarget`.
 */
export async function querySlideQcFigures(ctx: ReportContext): Promise<SlideQcFigures> {
  const { db, period, departments, config } = ctx;
  const rounds = (await inDepartments(
    db
      .selectFrom('tb_lab_round')
      .select(['department', 'plan', 'created_at', 'verdict', 'evaluated_at'])
      .where((eb: any) =>
        eb.or([
          eb.and([eb('created_at', '>=', period.yearFrom), eb('created_at', '<', period.to)]),
          eb.and([eb('evaluated_at', '>=', period.yearFrom), eb('evaluated_at', '<', period.to)]),
        ]),
      ),
    'department',
    departments,
  )
    .orderBy('created_at')
    .execute()) as RoundRow[];

  const labTargets = (config.recheckTargets ?? {}) as Record<string, unknown>;
  const perLab = new Map<string, { period: SampleEvaluation[]; ytd: number; lqasTarget: number | null }>();
  for (const row of rounds) {
    const lab = perLab.get(row.department) ?? { period: [], ytd: 0, lqasTarget: null };
    perLab.set(row.department, lab);
    // Rounds are in creation order, so the last plan of the year is the latest.
    if (row.created_at >= period.yearFrom) lab.lqasTarget = (JSON.parse(row.plan) as RoundPlan).lqas.sampleSize;
    if (!row.verdict || !row.evaluated_at || row.evaluated_at < period.yearFrom || row.evaluated_at >= period.to) continue;
    const evaluation = JSON.parse(row.verdict) as SampleEvaluation;
    lab.ytd += evaluation.slidesRead;
    if (row.evaluated_at >= period.from) lab.period.push(evaluation);
  }
  const labs = [...perLab.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([department, lab]) => {
      const target = typeof labTargets[department] === 'number' ? (labTargets[department] as number) : lab.lqasTarget;
      return { department, ...figures(lab.period, lab.ytd, target) };
    });
  const everyTarget = labs.every((l) => l.yearlyTarget !== null);
  const totalTarget = typeof config.recheckTarget === 'number' ? config.recheckTarget : labs.length > 0 && everyTarget ? labs.reduce((n, l) => n + l.yearlyTarget!, 0) : null;
  const totals = figures(
    [...perLab.values()].flatMap((l) => l.period),
    labs.reduce((n, l) => n + l.slidesRecheckedYearToDate, 0),
    totalTarget,
  );

  const cohortRows = (await inDepartments(
    db
      .selectFrom('tb_lab_cohort')
      .select(['department', 'cohort', 'registered', 'converted', 'cured'])
      .where('recorded_at', '>=', period.yearFrom)
      .where('recorded_at', '<', period.to),
    'department',
    departments,
  )
    .orderBy('department')
    .orderBy('cohort')
    .execute()) as { department: string; cohort: string; registered: number; converted: number | null; cured: number | null }[];
  const cohorts: CohortOutcome[] = cohortRows.map((r) => ({
    department: r.department,
    cohort: r.cohort,
    registered: Number(r.registered),
    converted: r.converted === null ? null : Number(r.converted),
    cured: r.cured === null ? null : Number(r.cured),
  }));
  const withConversion = cohorts.filter((c) => c.converted !== null);
  const withCure = cohorts.filter((c) => c.cured !== null);
  return {
    labs,
    totals,
    indicators: {
      cohorts,
      conversion: sputumConversionRate({ registered: sum(withConversion, (c) => c.registered), convertedAtTwoMonths: sum(withConversion, (c) => c.converted!) }),
      cure: cureRate({ registered: sum(withCure, (c) => c.registered), cured: sum(withCure, (c) => c.cured!) }),
      conversionTarget: typeof config.conversionTarget === 'number' ? config.conversionTarget : DEFAULT_INDICATOR_TARGET,
      cureTarget: typeof config.cureTarget === 'number' ? config.cureTarget : DEFAULT_INDICATOR_TARGET,
    },
  };
}

function figures(evaluations: readonly SampleEvaluation[], yearToDate: number, yearlyTarget: number | null): LabSlideQcFigures {
  const counts = Object.fromEntries(ERROR_CLASSES.map((c) => [c, sum(evaluations, (e) => e.counts[c] ?? 0)])) as ErrorCounts;
  const slides = sum(evaluations, (e) => e.slidesRead);
  const passed = evaluations.filter((e) => e.verdict.passed).length;
  return {
    rounds: evaluations.length,
    passed,
    failed: evaluations.length - passed,
    slidesRechecked: slides,
    slidesRecheckedYearToDate: yearToDate,
    yearlyTarget,
    counts: { ...countErrorClasses([]), ...counts },
    majorErrors: counts.HFP + counts.HFN,
    minorErrors: counts.LFP + counts.LFN + counts.QE,
    concordance: slides > 0 ? counts.correct / slides : null,
    controllerErrors: sum(evaluations, (e) => e.controllerErrors),
    smearQuality: sumSmearQuality(evaluations.map((e) => e.smearQuality)),
  };
}

function sumSmearQuality(summaries: readonly SmearQualitySummary[]): SmearQualitySummary {
  const features = Object.fromEntries(
    SMEAR_QUALITY_FEATURES.map((f) => {
      const scored = sum(summaries, (s) => s.features[f]?.scored ?? 0);
      const good = sum(summaries, (s) => s.features[f]?.good ?? 0);
      return [f, { scored, good, goodRate: scored === 0 ? null : good / scored }];
    }),
  ) as SmearQualitySummary['features'];
  return { features, slidesScored: sum(summaries, (s) => s.slidesScored), slidesAllGood: sum(summaries, (s) => s.slidesAllGood) };
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((n, item) => n + value(item), 0);
}
