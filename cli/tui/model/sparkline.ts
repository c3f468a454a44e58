/**
 * A sparkline of `values` with one character per value, scaled from `min` (default 0)
 * to the largest value (or `max`). `glyphs` run from lowest to highest; a null value (no
 * data for that period) is a space, never drawn as zero. Rates near 100% want a `min`
 * below the target, or every month draws as a full block. Pure.
 *
 * @example sparkline([0, 4, 8], ['▁', '▅', '█']) === '▁▅█'
 */
export function sparkline(values: readonly (number | null)[], glyphs: readonly string[], max?: number, min = 0): string {
  const top = max ?? Math.max(min, ...values.filter((v): v is number => v !== null));
  const span = top - min;
  return values
    .map((v) => {
      if (v === null) return ' ';
      if (span <= 0) return glyphs[0]!;
      const level = Math.round(((Math.min(Math.max(v, min), top) - min) / span) * (glyphs.length - 1));
      return glyphs[Math.max(0, level)]!;
    })
    .join('');
}
