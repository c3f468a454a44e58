import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { both } from '../locales/text.js';
import { evaluateRound } from '../rounds/evaluateRound.js';
import { recordReadings } from '../store/readingStore.js';
import { tbDb } from '../store/tables.js';
import { actorOf, problemResult } from './activityResult.js';
import { formReadings } from './readingFields.js';

/**
 * Records the umpire's readings submitted with the form, classifies every slide (umpire
 * rule), judges the laboratory and records the verdict. Answers counts and the verdict,
 * never a slide's grade: `{ ok: true, passed, reasons, counts, majorErrors, … }`, or
 * `{ ok: false, problem, missing }` while discordant slides lack an umpire reading.
 */
export const evaluateTask: TaskTypeDefinition = {
  name: 'tb-lab.evaluate',
  title: both('task.evaluate'),
  async activity({ data }, ctx) {
    const db = tbDb(ctx.db);
    try {
      const readings = formReadings(data.umpireReadings, 'data.readings');
      if (readings.length > 0) await recordReadings(db, ctx.instanceId, 'umpire', readings, actorOf(data.umpireBy), ctx.now);
      const { missingUmpire, evaluation } = await evaluateRound(db, ctx.instanceId, ctx.now);
      if (!evaluation) {
        return { ok: false, problem: both('problem.missingUmpire', { count: missingUmpire.length, slides: missingUmpire.join(', ') }), missing: missingUmpire };
      }
      const { verdict } = evaluation;
      return {
        ok: true,
        passed: verdict.passed,
        reasons: verdict.reasons,
        counts: evaluation.counts,
        firstCounts: evaluation.firstCounts,
        majorErrors: verdict.majorErrors,
        minorErrors: verdict.minorErrors,
        falseNegatives: verdict.falseNegatives,
        acceptance: verdict.acceptance,
        slidesRead: evaluation.slidesRead,
        controllerErrors: evaluation.controllerErrors,
        smearQuality: evaluation.smearQuality,
      };
    } catch (error) {
      return problemResult(error);
    }
  },
};
