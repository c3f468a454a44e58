import { describe, expect, it } from 'vitest';
import { isDubanError } from '../../../core/index.js';
import { criticalFalseNegativeProportion } from '../../../plugins/tb-lab/lib/criticalFalseNegativeProportion.js';
import { hypergeometricCdf } from '../../../plugins/tb-lab/lib/hypergeometricCdf.js';
import { lqasSampleSize, periodSampleSize } from '../../../plugins/tb-lab/lib/lqasSampleSize.js';

describe('criticalFalseNegativeProportion', () => {
  it('is P(1 - s) / (s(1 - P))', () => {
    expect(criticalFalseNegativeProportion(0.1, 0.8)).toBeCloseTo(1 / 36, 12);
    expect(criticalFalseNegativeProportion(0.05, 0.8)).toBeCloseTo(0.01 / 0.76, 12);
  });
});

describe('lqasSampleSize', () => {
  it('with d = 0 matches the closed form n = ⌈ln(1 - c) / ln(1 - p)⌉ without the lot', () => {
    // P = 10%, s = 80%: p = 1/36; ln 0.05 / ln(35/36) = 106.34…
    expect(lqasSampleSize({ annualNegatives: 1000, positivity: 0.1 }).binomialSampleSize).toBe(107);
    // P = 5%, s = 80%: p = 0.01/0.76; ln 0.05 / ln(1 - p) = 226.17…
    expect(lqasSampleSize({ annualNegatives: 1000, positivity: 0.05 }).binomialSampleSize).toBe(227);
    for (const positivity of [0.02, 0.05, 0.1, 0.15, 0.2]) {
      for (const sensitivity of [0.75, 0.8, 0.9]) {
        const p = criticalFalseNegativeProportion(positivity, sensitivity);
        const closedForm = Math.ceil(Math.log(0.05) / Math.log(1 - p));
        expect(lqasSampleSize({ annualNegatives: 5000, positivity, sensitivity }).binomialSampleSize).toBe(closedForm);
      }
    }
  });

  it('finds a small finite lot’s size by hand: N = 10, D = 3, d = 0', () => {
    // P = 0.2, s = 0.5: p = 0.25, D = ⌈2.5⌉ = 3. P(X = 0) = C(7, n) / C(10, n):
    // n = 4: 35/210 = 0.167; n = 5: 21/252 = 0.083; n = 6: 7/210 = 0.033.
    const plan = lqasSampleSize({ annualNegatives: 10, positivity: 0.2, sensitivity: 0.5 });
    expect(plan.criticalProportion).toBeCloseTo(0.25, 12);
    expect(plan.lotFalseNegatives).toBe(3);
    expect(plan.sampleSize).toBe(6);
    expect(plan.acceptanceProbability).toBeCloseTo(7 / 210, 12);
    expect(lqasSampleSize({ annualNegatives: 10, positivity: 0.2, sensitivity: 0.5, confidence: 0.9 }).sampleSize).toBe(5);
  });

  it('finds the binomial size with an acceptance number by hand: p = 0.25, d = 1', () => {
    // P(X ≤ 1) = 0.75^n + n 0.25 0.75^(n-1): n = 17 gives 0.0501 (> 0.05), n = 18 gives 0.0395.
    expect(lqasSampleSize({ annualNegatives: 1000, positivity: 0.2, sensitivity: 0.5, acceptance: 1 }).binomialSampleSize).toBe(18);
  });

  it('needs no more slides with the lot than without it, and tends to the binomial size as the lot grows', () => {
    for (const annualNegatives of [500, 1000, 5000, 20000, 1_000_000]) {
      const plan = lqasSampleSize({ annualNegatives, positivity: 0.1 });
      expect(plan.sampleSize).toBeLessThanOrEqual(plan.binomialSampleSize);
    }
    const huge = lqasSampleSize({ annualNegatives: 1_000_000, positivity: 0.1 });
    expect(huge.binomialSampleSize - huge.sampleSize).toBeLessThanOrEqual(1);
  });

  it('returns the smallest sample that meets the confidence', () => {
    for (const [annualNegatives, positivity, acceptance] of [
      [1000, 0.1, 0],
      [2500, 0.05, 0],
      [4000, 0.08, 1],
      [800, 0.15, 2],
    ] as const) {
      const plan = lqasSampleSize({ annualNegatives, positivity, acceptance });
      const at = (n: number) => hypergeometricCdf(annualNegatives, plan.lotFalseNegatives, n, acceptance);
      expect(at(plan.sampleSize)).toBeLessThanOrEqual(0.05);
      expect(at(plan.sampleSize - 1)).toBeGreaterThan(0.05);
    }
  });

  it('shares the yearly sample over the periods, rounding up', () => {
    expect(periodSampleSize(107)).toBe(27);
    expect(periodSampleSize(100, 4)).toBe(25);
    expect(periodSampleSize(107, 12)).toBe(9);
  });

  it('refuses parameters out of range, naming the argument', () => {
    const refuse = (parameters: Parameters<typeof lqasSampleSize>[0], argument: string) => {
      try {
        lqasSampleSize(parameters);
        expect.unreachable();
      } catch (error) {
        expect(isDubanError(error, 'INPUT_INVALID')).toBe(true);
        expect((error as { place?: { argument?: string } }).place?.argument).toBe(argument);
      }
    };
    refuse({ annualNegatives: 0, positivity: 0.1 }, '--negatives');
    refuse({ annualNegatives: 100.5, positivity: 0.1 }, '--negatives');
    refuse({ annualNegatives: 1000, positivity: 0 }, '--positivity');
    refuse({ annualNegatives: 1000, positivity: 0.1, sensitivity: 1 }, '--sensitivity');
    refuse({ annualNegatives: 1000, positivity: 0.1, confidence: 1 }, '--confidence');
    refuse({ annualNegatives: 1000, positivity: 0.1, acceptance: -1 }, '--acceptance');
    // 20 negatives at p = 1/36 hold one false negative: d = 1 can never be exceeded.
    refuse({ annualNegatives: 20, positivity: 0.1, acceptance: 1 }, '--acceptance');
  });
});
