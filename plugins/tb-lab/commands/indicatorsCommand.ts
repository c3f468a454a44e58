import type { PureCommand } from '../../../core/plugin/index.js';
import { cureRate, sputumConversionRate } from '../lib/programmeIndicators.js';
import { tbError } from '../lib/tbError.js';
import { both, say } from '../locales/text.js';
import { formatRate, localized, optional, required, wholeNumber } from './options.js';

/**
 * `duban tb indicators --cohort N [--converted C] [--cured K] [--json]`: the 2-month
 * sputum conversion rate and the cure rate of a cohort of new smear-positive patients,
 * each with its numerator and denominator. JSON: `{ conversion, cure }`, each
 * `{ numerator, denominator, rate }` or null when not given.
 */
export const indicatorsCommand: PureCommand = {
  name: 'tb indicators',
  // Computes from its options alone: no database is opened.
  pure: true,
  summary: both('cmd.indicators'),
  options: [
    { flags: '--cohort <n>', description: both('opt.cohort') },
    { flags: '--converted <n>', description: both('opt.converted') },
    { flags: '--cured <n>', description: both('opt.cured') },
  ],
  run: (options, ctx) =>
    localized(ctx, async () => {
      const registered = wholeNumber(required(options, 'cohort', '--cohort'), '--cohort', 0);
      const count = (key: string, flag: string) => {
        const text = optional(options, key);
        if (text === undefined) return undefined;
        const value = wholeNumber(text, flag, 0);
        if (value > registered) throw tbError('USAGE', 'err.overCohort', { flag, value, cohort: registered }, { argument: flag });
        return value;
      };
      const converted = count('converted', '--converted');
      const cured = count('cured', '--cured');
      const conversion = converted === undefined ? null : sputumConversionRate({ registered, convertedAtTwoMonths: converted });
      const cure = cured === undefined ? null : cureRate({ registered, cured });
      if (conversion) ctx.print(say(ctx.lang, 'out.conversion', { ...conversion, rate: formatRate(conversion.rate) }));
      if (cure) ctx.print(say(ctx.lang, 'out.cure', { ...cure, rate: formatRate(cure.rate) }));
      ctx.print(say(ctx.lang, 'out.denominator'));
      return { conversion, cure };
    }),
};
