import type { ReportContext } from '../../../core/plugin/index.js';
import { stringsOf } from '../lib/listValues.js';
import { summarizeSession } from '../lib/summarizeSession.js';
import { trainedPeople, trainingFigures, type Ratio, type TrainingFigures } from '../lib/trainingFigures.js';
import type { TrainingSessionResult } from '../lib/trainingSession.js';

/** One training session of the period, as the report lists it. */
export interface ReportedSession {
  readonly id: string;
  readonly department: string;
  readonly topic: string;
  readonly kind: TrainingSessionResult['kind'];
  readonly plannedDate: string;
  readonly heldOn: string | null;
  readonly status: TrainingSessionResult['status'];
  readonly expected: number;
  readonly present: number;
  readonly assessed: number;
  readonly passed: number;
  /** People who completed it (passed there or at the make-up). */
  readonly trained: number;
}

/** The training figures of a period, and people trained from the start of its year against the yearly target. */
export interface TrainingReport {
  readonly sessions: readonly ReportedSession[];
  readonly figures: TrainingFigures;
  readonly yearToDate: { readonly sessionsHeld: Ratio; readonly peopleTrained: Ratio; readonly personTimesTrained: number };
}

// States before the sign-in: the session is still only planned.
const NOT_HELD_YET = ['planning', 'noticed'];

/**
 * The training report of the period, in one query: the training-session instances that
 * could have been planned in the year (created within a year before it and before the
 * period's end), folded in one pass into `TrainingSessionResult`s (the plugin's own
 * `summarizeSession`) and the plugin's `trainingFigures`. A session belongs to the period
 * its plan dates it in; a scoped report keeps sessions organised by, or for, its departments.
 *
 * Config (`pluginConfig.quality-office.trainingTarget`): the yearly target of people
 * trained; default the largest target the year's plans state.
 */
export async function queryTrainingReport(ctx: ReportContext): Promise<TrainingReport> {
  const { period, departments } = ctx;
  const earliest = new Date(Date.parse(period.yearFrom) - 366 * 86_400_000).toISOString();
  const rows = await ctx.instances.ofChain('training-session', { from: earliest, to: period.to });
  const year: { id: string; department: string; result: TrainingSessionResult }[] = [];
  for (const row of rows) {
    const { data } = row;
    const plan = data.plan as { plannedDate?: unknown; audience?: unknown } | undefined;
    if (!plan || typeof plan.plannedDate !== 'string') continue;
    const date = plan.plannedDate.slice(0, 10);
    if (date < period.yearFromDate || date >= period.toDate) continue;
    if (departments !== null && !departments.includes(row.department ?? '') && !stringsOf(plan.audience).some((d) => departments.includes(d))) continue;
    const status = row.state === 'cancelled' ? 'cancelled' : NOT_HELD_YET.includes(row.state) ? 'planned' : 'held';
    year.push({ id: row.id, department: row.department ?? '', result: summarizeSession(data, status) });
  }
  const inPeriod = year.filter((s) => s.result.plannedDate.slice(0, 10) >= period.fromDate);
  const target = typeof ctx.config.trainingTarget === 'number' ? { yearlyTarget: ctx.config.trainingTarget } : {};
  const ytd = trainingFigures(
    year.map((s) => s.result),
    target,
  );
  return {
    sessions: inPeriod.map(({ id, department, result: s }) => {
      const present = new Set(s.present);
      const scored = s.scores.filter((x) => present.has(x.person));
      return {
        id,
        department,
        topic: s.topic,
        kind: s.kind,
        plannedDate: s.plannedDate.slice(0, 10),
        heldOn: s.heldOn ?? null,
        status: s.status,
        expected: s.expected.length,
        present: s.present.filter((p) => s.expected.includes(p)).length,
        assessed: scored.length,
        passed: scored.filter((x) => x.score >= s.passMark).length,
        trained: trainedPeople(s).length,
      };
    }),
    // The period's own yearly target is the same as the year's, so people trained compares like with like.
    figures: trainingFigures(
      inPeriod.map((s) => s.result),
      { yearlyTarget: ytd.peopleTrained.denominator },
    ),
    yearToDate: { sessionsHeld: ytd.sessionsHeld, peopleTrained: ytd.peopleTrained, personTimesTrained: ytd.personTimesTrained },
  };
}
