import { describe, expect, it } from 'vitest';
import { isDubanError } from '../../../core/index.js';
import { binomialCdf } from '../../../plugins/tb-lab/lib/binomialCdf.js';
import { hypergeometricCdf } from '../../../plugins/tb-lab/lib/hypergeometricCdf.js';
import { operatingCharacteristic } from '../../../plugins/tb-lab/lib/operatingCharacteristic.js';

describe('operatingCharacteristic, binomial (no lot)', () => {
  it('matches hand-computed values', () => {
    // 0.9^10
    expect(operatingCharacteristic({ n: 10, p: 0.1 })).toEqual({ probability: expect.closeTo(0.3486784401, 12), model: 'binomial' });
    // 0.9^10 + 10 × 0.1 × 0.9^9
    expect(operatingCharacteristic({ n: 10, p: 0.1, acceptance: 1 }).probability).toBeCloseTo(0.7360989291, 12);
    // 0.5^4 + 4 × 0.5^4 + 6 × 0.5^4 = 11/16
    expect(operatingCharacteristic({ n: 4, p: 0.5, acceptance: 2 }).probability).toBeCloseTo(11 / 16, 12);
  });

  it('is 1 at p = 0, and 0 at p = 1 below n', () => {
    expect(binomialCdf(50, 0, 0)).toBe(1);
    expect(binomialCdf(50, 1, 49)).toBe(0);
    expect(binomialCdf(50, 1, 50)).toBe(1);
  });

  it('stays accurate for large samples (log-space terms)', () => {
    // Binomial(10000, 0.5): P(X ≤ 5000) = 1/2 + P(X = 5000)/2, P(X = 5000) ≈ 0.0079786.
    expect(binomialCdf(10000, 0.5, 5000)).toBeCloseTo(0.5 + 0.0079786 / 2, 6);
  });
});

describe('operatingCharacteristic, hypergeometric (with a lot)', () => {
  it('matches hand-computed values', () => {
    // Lot 4 with round(0.5 × 4) = 2 errors, 2 drawn: P(X = 0) = C(2,2)/C(4,2) = 1/6.
    expect(operatingCharacteristic({ n: 2, p: 0.5, lot: 4 })).toEqual({ probability: expect.closeTo(1 / 6, 12), model: 'hypergeometric', defectives: 2 });
    // P(X ≤ 1) = 1 - P(X = 2) = 1 - 1/6.
    expect(operatingCharacteristic({ n: 2, p: 0.5, lot: 4, acceptance: 1 }).probability).toBeCloseTo(5 / 6, 12);
    // Lot 10 with 3 errors, 4 drawn: C(7,4)/C(10,4) = 35/210.
    expect(operatingCharacteristic({ n: 4, p: 0.3, lot: 10 }).probability).toBeCloseTo(35 / 210, 12);
    // P(X ≤ 1) = (35 + 3 × C(7,3)) / 210 = (35 + 105) / 210.
    expect(operatingCharacteristic({ n: 4, p: 0.3, lot: 10, acceptance: 1 }).probability).toBeCloseTo(140 / 210, 12);
  });

  it('is certain when every slide is drawn', () => {
    expect(hypergeometricCdf(10, 3, 10, 2)).toBe(0);
    expect(hypergeometricCdf(10, 3, 10, 3)).toBe(1);
  });

  it('approaches the binomial for a large lot', () => {
    const binomial = operatingCharacteristic({ n: 100, p: 0.02 }).probability;
    const hyper = operatingCharacteristic({ n: 100, p: 0.02, lot: 1_000_000 }).probability;
    expect(Math.abs(binomial - hyper)).toBeLessThan(1e-3);
  });

  it('refuses a sample larger than its lot and bad numbers, naming the argument', () => {
    for (const [plan, argument] of [
      [{ n: 11, p: 0.1, lot: 10 }, '--n'],
      [{ n: 0, p: 0.1 }, '--n'],
      [{ n: 5, p: 1.5 }, '--p'],
      [{ n: 5, p: 0.1, acceptance: 0.5 }, '--acceptance'],
      [{ n: 5, p: 0.1, lot: 0 }, '--lot'],
    ] as const) {
      let caught: unknown;
      try {
        operatingCharacteristic(plan);
      } catch (error) {
        caught = error;
      }
      expect(isDubanError(caught, 'INPUT_INVALID')).toBe(true);
      expect((caught as { place: { argument: string } }).place.argument).toBe(argument);
    }
  });
});
