import { binomialCdf } from './binomialCdf.js';
import { hypergeometricCdf } from './hypergeometricCdf.js';
import { tbError } from './tbError.js';

/** The answer of {@link operatingCharacteristic}. */
export interface OperatingPoint {
  /** P(at most `acceptance` errors in the sample): the chance the lot is accepted. */
  readonly probability: number;
  readonly model: 'binomial' | 'hypergeometric';
  /** With a lot: round(p × lot), the wrong slides the lot is taken to hold. */
  readonly defectives?: number;
}

/**
 * The operating characteristic of an LQAS plan (n, d): the probability that a sample of n
 * slides shows at most d errors when the true error proportion is p. Without a lot the
 * slides are independent (binomial); with a lot of L slides the sample is drawn without
 * replacement from a lot holding round(p × L) wrong slides (hypergeometric). This is the
 * curve behind the sample sizes of the WHO/IUATLD guide *External Quality Assessment for
 * AFB Smear Microscopy* (2002): the plan is chosen so that the curve is at most
 * 1 - confidence at the critical proportion.
 *
 * @throws DubanError `INPUT_INVALID` when n is not a whole number ≥ 1, p is outside
 * [0, 1], the acceptance number is not a whole number ≥ 0, or n exceeds the lot.
 * @example operatingCharacteristic({ n: 10, p: 0.1 }).probability // 0.3486784401
 */
export function operatingCharacteristic(plan: { n: number; p: number; acceptance?: number; lot?: number }): OperatingPoint {
  const { n, p, acceptance = 0, lot } = plan;
  if (!Number.isInteger(n) || n < 1) throw tbError('INPUT_INVALID', 'err.notInteger', { flag: '--n', value: n, min: 1 }, { argument: '--n' });
  if (!(p >= 0 && p <= 1)) throw tbError('INPUT_INVALID', 'err.notProportion', { flag: '--p', value: p }, { argument: '--p' });
  if (!Number.isInteger(acceptance) || acceptance < 0) {
    throw tbError('INPUT_INVALID', 'err.notInteger', { flag: '--acceptance', value: acceptance, min: 0 }, { argument: '--acceptance' });
  }
  if (lot === undefined) return { probability: binomialCdf(n, p, acceptance), model: 'binomial' };
  if (!Number.isInteger(lot) || lot < 1) throw tbError('INPUT_INVALID', 'err.notInteger', { flag: '--lot', value: lot, min: 1 }, { argument: '--lot' });
  if (n > lot) throw tbError('INPUT_INVALID', 'err.nOverLot', { n, lot }, { argument: '--n' });
  const defectives = Math.round(p * lot);
  return { probability: hypergeometricCdf(lot, defectives, n, acceptance), model: 'hypergeometric', defectives };
}
