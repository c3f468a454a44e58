import { binomialCdf } from './binomialCdf.js';
import { criticalFalseNegativeProportion } from './criticalFalseNegativeProportion.js';
import { hypergeometricCdf } from './hypergeometricCdf.js';
import { tbError } from './tbError.js';

/** The parameters of an LQAS plan for blinded rechecking. */
export interface LqasParameters {
  /** Negative slides the laboratory examines in a year: the lot. */
  readonly annualNegatives: number;
  /** The laboratory's slide positivity rate, in (0, 1). */
  readonly positivity: number;
  /** The sensitivity threshold, relative to the controllers; default 0.8. */
  readonly sensitivity?: number;
  /** The acceptance number d: false negatives the sample may show; default 0. */
  readonly acceptance?: number;
  /** The confidence of detecting a laboratory at the threshold; default 0.95. */
  readonly confidence?: number;
}

/** An LQAS plan: how many slides to recheck a year, and why. */
export interface LqasPlan {
  readonly annualNegatives: number;
  readonly positivity: number;
  readonly sensitivity: number;
  readonly acceptance: number;
  readonly confidence: number;
  /** p: false negatives among the negatives at the threshold ({@link criticalFalseNegativeProportion}). */
  readonly criticalProportion: number;
  /** D = ⌈p × annualNegatives⌉: the false negatives of the lot at the threshold. */
  readonly lotFalseNegatives: number;
  /** The sample size a year: hypergeometric, the lot being the year's negatives. */
  readonly sampleSize: number;
  /** The same without the finite-lot correction (binomial), for comparison. */
  readonly binomialSampleSize: number;
  /** P(X ≤ d) at `sampleSize` for the lot at the threshold: at most 1 - confidence. */
  readonly acceptanceProbability: number;
}

/**
 * The LQAS sample size of blinded rechecking, after the WHO/IUATLD guide *External Quality
 * Assessment for AFB Smear Microscopy* (2002). The sample is sized on the year's
 * **negative** slides, because a false negative is the error that cannot be seen without
 * rechecking, and rare enough that it needs a statistical design.
 *
 * Derivation:
 * 1. The critical proportion p of false negatives among the negatives, for a laboratory
 *    whose sensitivity s is exactly the threshold, from its positivity rate P:
 *    p = P (1 - s) / (s (1 - P)) (see {@link criticalFalseNegativeProportion}).
 * 2. The plan (n, d) accepts a lot when the sample shows at most d false negatives.
 *    n is the smallest sample for which a laboratory at the threshold is accepted with
 *    probability at most 1 - confidence: P(X ≤ d) ≤ 1 - c. A worse laboratory (more false
 *    negatives) is then accepted even less often, since P(X ≤ d) falls as errors rise.
 * 3. The lot is finite (N negatives a year) and the sample drawn without replacement, so
 *    X is hypergeometric with D = ⌈p N⌉ false negatives in the lot (the fewest a lot at
 *    or below the threshold can hold). For a large N this tends to the binomial(n, p)
 *    answer, given as `binomialSampleSize`. With d = 0 the binomial answer has the closed
 *    form n = ⌈ln(1 - c) / ln(1 - p)⌉.
 *
 * The yearly sample is then shared across the rechecking periods ({@link periodSampleSize}).
 *
 * @throws DubanError `INPUT_INVALID` when a parameter is out of range, or when the lot at
 * the threshold holds no more false negatives than d (no sample could then decide).
 * @example lqasSampleSize({ annualNegatives: 1000, positivity: 0.1 }).binomialSampleSize // 107
 */
export function lqasSampleSize(parameters: LqasParameters): LqasPlan {
  const { annualNegatives, positivity, sensitivity = 0.8, acceptance = 0, confidence = 0.95 } = parameters;
  checkInteger(annualNegatives, '--negatives', 1);
  checkOpenProportion(positivity, '--positivity');
  checkOpenProportion(sensitivity, '--sensitivity');
  checkInteger(acceptance, '--acceptance', 0);
  checkOpenProportion(confidence, '--confidence');
  const criticalProportion = criticalFalseNegativeProportion(positivity, sensitivity);
  // The tolerance keeps a product like 13.000000000002 from counting as 14.
  const lotFalseNegatives = Math.min(annualNegatives, Math.ceil(criticalProportion * annualNegatives - 1e-9));
  if (lotFalseNegatives <= acceptance) {
    throw tbError('INPUT_INVALID', 'err.acceptanceTooLarge', { negatives: annualNegatives, count: lotFalseNegatives, acceptance }, { argument: '--acceptance' });
  }
  const risk = 1 - confidence;
  const sampleSize = smallestSample(annualNegatives, (n) => hypergeometricCdf(annualNegatives, lotFalseNegatives, n, acceptance) <= risk);
  const binomialSampleSize = smallestSample(undefined, (n) => binomialCdf(n, criticalProportion, acceptance) <= risk);
  return {
    annualNegatives,
    positivity,
    sensitivity,
    acceptance,
    confidence,
    criticalProportion,
    lotFalseNegatives,
    sampleSize,
    binomialSampleSize,
    acceptanceProbability: hypergeometricCdf(annualNegatives, lotFalseNegatives, sampleSize, acceptance),
  };
}

/** The share of a yearly sample for one rechecking period, rounded up: ⌈annual / periods⌉. */
export function periodSampleSize(annualSampleSize: number, periodsPerYear = 4): number {
  return Math.ceil(annualSampleSize / periodsPerYear);
}

// P(X ≤ d) never rises with n, so the smallest n that is small enough is found by halving.
function smallestSample(limit: number | undefined, enough: (n: number) => boolean): number {
  let high = 1;
  while (!enough(high)) {
    if (limit !== undefined && high >= limit) return limit;
    high = limit === undefined ? high * 2 : Math.min(limit, high * 2);
  }
  let low = Math.floor(high / 2) + 1;
  if (high === 1) return 1;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (enough(mid)) high = mid;
    else low = mid + 1;
  }
  return high;
}

function checkInteger(value: number, flag: string, min: number): void {
  if (!Number.isInteger(value) || value < min) throw tbError('INPUT_INVALID', 'err.notInteger', { flag, value, min }, { argument: flag });
}

function checkOpenProportion(value: number, flag: string): void {
  if (!(value > 0 && value < 1)) throw tbError('INPUT_INVALID', 'err.notProportion', { flag, value }, { argument: flag });
}
