import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { both } from '../locales/text.js';
import { drawRoundSample } from '../rounds/drawRoundSample.js';
import { tbDb } from '../store/tables.js';
import { optionalNumber, problemResult } from './activityResult.js';

/**
 * Draws the round's sample (LQAS size, random slides from the activity's recorded seed)
 * into the plugin's tables. Answers the chain with sizes and the recheck deadline only:
 * `{ ok: true, sampleSize, annualSampleSize, …, recheckDue }`, or `{ ok: false, problem }`.
 */
export const drawSample: TaskTypeDefinition = {
  name: 'tb-lab.draw-sample',
  title: both('task.drawSample'),
  async activity({ input, data }, ctx) {
    try {
      const outcome = await drawRoundSample(tbDb(ctx.db), {
        round: ctx.instanceId,
        department: String(input.department),
        quarter: String(input.quarter),
        register: String(data.register),
        annualNegatives: optionalNumber(data.annualNegatives),
        positivity: optionalNumber(data.positivity),
        sensitivity: optionalNumber(input.sensitivity),
        acceptance: optionalNumber(input.acceptance),
        confidence: optionalNumber(input.confidence),
        recheckDays: optionalNumber(input.recheckDays),
        seed: ctx.seed,
        now: ctx.now,
      });
      ctx.log.info({ instance: ctx.instanceId, sampleSize: outcome.sampleSize }, 'sample drawn');
      return { ok: true, ...outcome };
    } catch (error) {
      return problemResult(error);
    }
  },
};
