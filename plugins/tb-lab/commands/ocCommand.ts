import type { PureCommand } from '../../../core/plugin/index.js';
import { operatingCharacteristic } from '../lib/operatingCharacteristic.js';
import { both, say } from '../locales/text.js';
import { formatNumber, localized, optional, proportion, required, wholeNumber } from './options.js';

/**
 * `duban tb oc --n N --p P [--acceptance D] [--lot L] [--json]`: the probability that a
 * sample of N slides shows at most D errors when the true error proportion is P
 * (binomial without `--lot`, hypergeometric with it). JSON: `{ n, p, acceptance, lot,
 * probability, model, defectives }`.
 */
export const ocCommand: PureCommand = {
  name: 'tb oc',
  // Computes from its options alone: no database is opened.
  pure: true,
  summary: both('cmd.oc'),
  options: [
    { flags: '--n <n>', description: both('opt.n') },
    { flags: '--p <p>', description: both('opt.p') },
    { flags: '--acceptance <d>', description: both('opt.acceptance') },
    { flags: '--lot <l>', description: both('opt.lot') },
  ],
  run: (options, ctx) =>
    localized(ctx, async () => {
      const n = wholeNumber(required(options, 'n', '--n'), '--n', 1);
      const p = proportion(required(options, 'p', '--p'), '--p', false);
      const acceptanceText = optional(options, 'acceptance');
      const acceptance = acceptanceText === undefined ? 0 : wholeNumber(acceptanceText, '--acceptance', 0);
      const lotText = optional(options, 'lot');
      const lot = lotText === undefined ? undefined : wholeNumber(lotText, '--lot', 1);
      const point = operatingCharacteristic({ n, p, acceptance, lot });
      const lotPart = lot === undefined ? '' : say(ctx.lang, 'out.ocLot', { lot, defectives: point.defectives ?? 0 });
      ctx.print(
        say(ctx.lang, 'out.oc', { d: acceptance, n, probability: formatNumber(point.probability, 6), model: say(ctx.lang, `model.${point.model}`), p, lot: lotPart }),
      );
      return { n, p, acceptance, lot: lot ?? null, ...point };
    }),
};
