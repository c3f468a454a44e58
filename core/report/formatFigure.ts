/**
 * How figures are written in report texts, the same in sentences, tables and charts so a
 * reader (or a test) finds the same digits everywhere: percentages and days with one
 * decimal, counts as plain integers, a missing figure as an em dash.
 */

/** A fraction as a percentage with one decimal: 0.975 → `97.5%`; null → `—`. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Days with one decimal: 2.25 → `2.3`; null → `—`. */
export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined || !Number.isFinite(days)) return '—';
  return (Math.round(days * 10) / 10).toFixed(1);
}

/** A number with at most two decimals, trailing zeros dropped: 97.5 → `97.5`, 3 → `3`; null → `—`. */
export function formatDecimal(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return String(Math.round(value * 100) / 100);
}
