import { describe, expect, it } from 'vitest';
import { drawSlides } from '../../../plugins/tb-lab/lib/drawSlides.js';
import { cureRate, sputumConversionRate } from '../../../plugins/tb-lab/lib/programmeIndicators.js';
import { scoreSmear, summarizeSmearQuality } from '../../../plugins/tb-lab/lib/smearQuality.js';

describe('smear quality', () => {
  it('scores a slide as good features out of those scored', () => {
    expect(scoreSmear({ specimen: 'good', staining: 'good', thickness: 'poor', size: 'good', evenness: 'good', cleanliness: 'poor' })).toEqual({ scored: 6, good: 4 });
    expect(scoreSmear({})).toEqual({ scored: 0, good: 0 });
  });

  it('summarizes per feature the share judged good', () => {
    const summary = summarizeSmearQuality([
      { specimen: 'good', staining: 'good', thickness: 'good', size: 'good', evenness: 'good', cleanliness: 'good' },
      { specimen: 'poor', staining: 'good', thickness: 'poor' },
      {},
    ]);
    expect(summary.slidesScored).toBe(2);
    expect(summary.slidesAllGood).toBe(1);
    expect(summary.features.specimen).toEqual({ scored: 2, good: 1, goodRate: 0.5 });
    expect(summary.features.staining).toEqual({ scored: 2, good: 2, goodRate: 1 });
    expect(summary.features.size).toEqual({ scored: 1, good: 1, goodRate: 1 });
  });
});

describe('programme indicators', () => {
  it('states numerator and denominator: all new smear-positive patients of the cohort', () => {
    expect(sputumConversionRate({ registered: 40, convertedAtTwoMonths: 34 })).toEqual({ numerator: 34, denominator: 40, rate: 0.85 });
    expect(cureRate({ registered: 40, cured: 35 })).toEqual({ numerator: 35, denominator: 40, rate: 0.875 });
  });

  it('has no rate for an empty cohort and refuses impossible counts', () => {
    expect(cureRate({ registered: 0, cured: 0 }).rate).toBeNull();
    expect(() => cureRate({ registered: 10, cured: 11 })).toThrow(RangeError);
    expect(() => sputumConversionRate({ registered: 10.5, convertedAtTwoMonths: 1 })).toThrow(RangeError);
  });
});

describe('drawSlides', () => {
  const slides = Array.from({ length: 50 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);

  it('draws the same slides from the same seed, distinct and in register order', () => {
    const a = drawSlides(slides, 12, 424242);
    expect(drawSlides(slides, 12, 424242)).toEqual(a);
    expect(new Set(a).size).toBe(12);
    expect([...a].sort()).toEqual(a);
  });

  it('draws other slides from another seed, and all of them when asked for more', () => {
    expect(drawSlides(slides, 12, 1)).not.toEqual(drawSlides(slides, 12, 2));
    expect(drawSlides(slides, 80, 7)).toEqual(slides);
  });
});
