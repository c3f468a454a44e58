import type { PluginCommand } from '../../../core/plugin/index.js';
import { cureRate, sputumConversionRate } from '../lib/programmeIndicators.js';
import { tbError } from '../lib/tbError.js';
import { both, say } from '../locales/text.js';
import { saveCohort } from '../store/cohortStore.js';
import { formatRate, localized, optional, required, wholeNumber } from './options.js';

/**
 * `duban tb cohort --department LAB --cohort 2025-Q4 --registered N [--converted C]
 * [--cured K] [--json]`: records a county's cohort of new smear-positive patients and its
 * outcomes, which the report's programme indicators read (2-month conversion and cure
 * rate, with their denominators). Recording the same lab and cohort again replaces it; a
 * figure left out keeps its earlier value. JSON: the stored row.
 */
export const cohortCommand: PluginCommand = {
  name: 'tb cohort',
  summary: { 'zh-CN': '登记县级队列的新涂阳患者数及满 2 个月阴转、治愈人数（供报告的规划指标）', en: 'Record a county cohort of new smear-positive patients and its 2-month conversions and cures (for the report’s programme indicators)' },
  options: [
    { flags: '--department <lab>', description: both('opt.department') },
    { flags: '--cohort <quarter>', description: { 'zh-CN': '登记季度，如 2025-Q4（必填）', en: 'the quarter of registration, e.g. 2025-Q4 (required)' } },
    { flags: '--registered <n>', description: both('opt.cohort') },
    { flags: '--converted <n>', description: both('opt.converted') },
    { flags: '--cured <n>', description: both('opt.cured') },
  ],
  run: (options, ctx) =>
    localized(ctx, async () => {
      const department = required(options, 'department', '--department');
      if (!/^[^\s/]+$/.test(department)) throw tbError('USAGE', 'err.badDepartment', { flag: '--department', value: department }, { argument: '--department' });
      const cohort = required(options, 'cohort', '--cohort');
      if (!/^\d{4}-Q[1-4]$/.test(cohort)) throw tbError('USAGE', 'err.badQuarter', { flag: '--cohort', value: cohort }, { argument: '--cohort' });
      const registered = wholeNumber(required(options, 'registered', '--registered'), '--registered', 0);
      const count = (key: string, flag: string) => {
        const text = optional(options, key);
        if (text === undefined) return undefined;
        const value = wholeNumber(text, flag, 0);
        if (value > registered) throw tbError('USAGE', 'err.overCohort', { flag, value, cohort: registered }, { argument: flag });
        return value;
      };
      const row = await saveCohort(ctx.db, {
        department,
        cohort,
        registered,
        converted: count('converted', '--converted'),
        cured: count('cured', '--cured'),
        recorded_by: ctx.actor,
        recorded_at: ctx.now.toISOString(),
      });
      ctx.print(ctx.lang === 'zh-CN' ? `已登记 ${department} ${cohort} 队列：新涂阳 ${registered} 例。` : `Recorded the ${cohort} cohort of ${department}: ${registered} new smear-positive patients.`);
      if (row.converted !== null) {
        const r = sputumConversionRate({ registered, convertedAtTwoMonths: row.converted });
        ctx.print(say(ctx.lang, 'out.conversion', { ...r, rate: formatRate(r.rate) }));
      }
      if (row.cured !== null) {
        const r = cureRate({ registered, cured: row.cured });
        ctx.print(say(ctx.lang, 'out.cure', { ...r, rate: formatRate(r.rate) }));
      }
      return row;
    }),
};
