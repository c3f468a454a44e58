import type { TaskTypeDefinition } from '../../../core/plugin/index.js';
import { both } from '../locales/text.js';
import { compareReadings } from '../rounds/compareReadings.js';
import { recordReadings } from '../store/readingStore.js';
import { tbDb } from '../store/tables.js';
import { actorOf, problemResult } from './activityResult.js';
import { formReadings } from './readingFields.js';

/**
 * Records the controller's readings submitted with the form, then compares them with the
 * laboratory's results. Answers `{ ok: true, discordant, discordantCount }` (slide ids
 * only), or `{ ok: false, problem, missing }` when slides are still unread.
 */
export const compareReadingsTask: TaskTypeDefinition = {
  name: 'tb-lab.compare-readings',
  title: both('task.compareReadings'),
  async activity({ data }, ctx) {
    const db = tbDb(ctx.db);
    try {
      const readings = formReadings(data.readings, 'data.readings');
      if (readings.length > 0) await recordReadings(db, ctx.instanceId, 'controller', readings, actorOf(data.readBy), ctx.now);
      const { missing, discordant } = await compareReadings(db, ctx.instanceId);
      if (missing.length > 0) {
        return { ok: false, problem: both('problem.missingReadings', { count: missing.length, slides: missing.join(', ') }), missing };
      }
      return { ok: true, discordant, discordantCount: discordant.length };
    } catch (error) {
      return problemResult(error);
    }
  },
};
