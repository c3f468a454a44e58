/**
 * A horizontal bar for `value` out of `max` in `width` columns: full blocks, then one
 * partial block from `partials` (eighths, lightest first) for the remainder, so small
 * differences still show. Without partials (ASCII), whole characters only. A value above
 * zero always shows at least one mark. Pure.
 */
export function barText(value: number, max: number, width: number, full: string, partials: readonly string[]): string {
  if (value <= 0 || max <= 0 || width <= 0) return '';
  const cells = (Math.min(value, max) / max) * width;
  let whole = Math.floor(cells);
  const rest = cells - whole;
  let partial = '';
  if (partials.length > 0) {
    const index = Math.floor(rest * (partials.length + 1)) - 1;
    if (index >= 0) partial = partials[index]!;
  } else if (rest >= 0.5) {
    whole += 1;
  }
  const text = full.repeat(whole) + partial;
  return text === '' ? (partials[0] ?? full) : text;
}
