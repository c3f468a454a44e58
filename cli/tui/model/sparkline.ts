/**
 * A sparkline of `values` with one character per value, scaled from 0 to the largest
 * value (or `max`). `glyphs` run from lowest to highest; a null value (no data for that
 * period) is a space, never drawn as zero. Pure.
 *
 * @example sparkline([0, 4, 8], ['▁', '▅', '█']) === '▁▅█'
 */
export function sparkline(values: readonly (number | null)[], glyphs: readonly string[], max?: number): string {
  const top = max ?? Math.max(0, ...values.filter((v): v is number => v !== null));
  return values
    .map((v) => {
      if (v === null) return ' ';
      if (top <= 0) return glyphs[0]!;
      const level = Math.round((Math.min(v, top) / top) * (glyphs.length - 1));
      return glyphs[Math.max(0, level)]!;
    })
    .join('');
}
