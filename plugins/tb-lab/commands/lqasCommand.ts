import type { PureCommand } from '../../../core/plugin/index.js';
import { lqasSampleSize, periodSampleSize } from '../lib/lqasSampleSize.js';
import { both, say } from '../locales/text.js';
import { formatNumber, localized, optional, proportion, required, wholeNumber } from './options.js';

/**
 * `duban tb lqas --negatives N --positivity P [--sensitivity S] [--acceptance D]
 * [--confidence C] [--periods K] [--json]`: the yearly LQAS sample of blinded rechecking
 * and its share per period. JSON: the {@link lqasSampleSize} plan plus `periodsPerYear`
 * and `periodSampleSize`.
 */
export const lqasCommand: PureCommand = {
  name: 'tb lqas',
  // Computes from its options alone: no database is opened.
  pure: true,
  summary: both('cmd.lqas'),
  options: [
    { flags: '--negatives <n>', description: both('opt.negatives') },
    { flags: '--positivity <p>', description: both('opt.positivity') },
    { flags: '--sensitivity <s>', description: both('opt.sensitivity') },
    { flags: '--acceptance <d>', description: both('opt.acceptance') },
    { flags: '--confidence <c>', description: both('opt.confidence') },
    { flags: '--periods <k>', description: both('opt.periods') },
  ],
  run: (options, ctx) =>
    localized(ctx, async () => {
      const annualNegatives = wholeNumber(required(options, 'negatives', '--negatives'), '--negatives', 1);
      const positivity = proportion(required(options, 'positivity', '--positivity'), '--positivity', true);
      const sensitivity = maybe(optional(options, 'sensitivity'), (t) => proportion(t, '--sensitivity', true));
      const acceptance = maybe(optional(options, 'acceptance'), (t) => wholeNumber(t, '--acceptance', 0));
      const confidence = maybe(optional(options, 'confidence'), (t) => proportion(t, '--confidence', true));
      const periodsPerYear = maybe(optional(options, 'periods'), (t) => wholeNumber(t, '--periods', 1)) ?? 4;
      const plan = lqasSampleSize({ annualNegatives, positivity, sensitivity, acceptance, confidence });
      const perPeriod = periodSampleSize(plan.sampleSize, periodsPerYear);
      ctx.print(
        say(ctx.lang, 'out.lqas', {
          critical: formatNumber(plan.criticalProportion, 5),
          sample: plan.sampleSize,
          binomial: plan.binomialSampleSize,
          perPeriod,
          periods: periodsPerYear,
          accept: formatNumber(plan.acceptanceProbability, 4),
        }),
      );
      return { ...plan, periodsPerYear, periodSampleSize: perPeriod };
    }),
};

function maybe<T>(text: string | undefined, parse: (text: string) => T): T | undefined {
  return text === undefined ? undefined : parse(text);
}
