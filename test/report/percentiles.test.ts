import { describe, expect, it } from 'vitest';
import { formatDays, translate, formatPercent, median, monthPeriod, nearestRankPercentile, yearPeriod } from '../../core/index.js';

describe('median and the nearest-rank 90th percentile', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([1, 2, 4, 10])).toBe(3); // (2 + 4) / 2
    expect(median([1, 2, 4])).toBe(2);
  });

  it('takes the value at rank ⌈p × n⌉, always one of the values', () => {
    expect(nearestRankPercentile([], 0.9)).toBeNull();
    expect(nearestRankPercentile([5], 0.9)).toBe(5);
    // n = 10: rank ⌈9⌉ = 9, not 10 (0.9 × 10 is 9.000000000000002 in floating point).
    expect(nearestRankPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    // n = 11: rank ⌈9.9⌉ = 10.
    expect(nearestRankPercentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
    expect(nearestRankPercentile([1.5, 2, 10], 0.9)).toBe(10);
  });
});

describe('report periods and figure formats', () => {
  it('bounds a month and a year in the hospital’s time zone, read as of now while not over', () => {
    const now = new Date('2026-03-15T00:00:00.000Z');
    expect(monthPeriod('2026-03', 'Asia/Shanghai', now)).toMatchObject({ from: '2026-02-28T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z', asOf: '2026-03-15T00:00:00.000Z', yearFrom: '2025-12-31T16:00:00.000Z' });
    expect(monthPeriod('2026-02', 'UTC', now)).toMatchObject({ from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z', asOf: '2026-03-01T00:00:00.000Z', fromDate: '2026-02-01', toDate: '2026-03-01' });
    expect(yearPeriod('2025', 'Asia/Shanghai', now)).toMatchObject({ kind: 'year', from: '2024-12-31T16:00:00.000Z', to: '2025-12-31T16:00:00.000Z', asOf: '2025-12-31T16:00:00.000Z' });
    expect(() => monthPeriod('2026-3', 'UTC', now)).toThrow(/--month: "2026-3" is not a month/);
    expect(() => yearPeriod('26', 'UTC', now)).toThrow(/--year: "26" is not a year/);
  });

  it('writes percentages and days with one decimal, a missing figure as a dash, and counts with plural keys', () => {
    expect([formatPercent(0.975), formatPercent(8 / 11), formatPercent(1), formatPercent(null)]).toEqual(['97.5%', '72.7%', '100.0%', '—']);
    expect([formatDays(2), formatDays(5.75), formatDays(39.583333), formatDays(null)]).toEqual(['2.0', '5.8', '39.6', '—']);
    expect([0, 1, 2].map((count) => translate('en', 'report.findings', { count }))).toEqual(['0 findings', '1 finding', '2 findings']);
    expect([1, 2].map((count) => translate('zh-CN', 'report.findings', { count }))).toEqual(['1 项', '2 项']);
  });
});
