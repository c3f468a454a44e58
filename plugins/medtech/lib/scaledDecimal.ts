/**
 * Exact decimals as scaled integers: points in tenths, money in cents. Parsing reads the
 * digits (never `parseFloat`), so "165.5" is exactly 1655 tenths.
 */

/**
 * Parses a non-negative decimal with at most `places` decimals into an integer scaled by
 * 10^places (`parseScaled('10000.5', 2)` → 1000050). Returns `undefined` for anything
 * else (signs, exponents, too many decimals, a value beyond the safe integer range).
 */
export function parseScaled(text: string, places: number): number | undefined {
  const fraction = places > 0 ? `(?:\\.(\\d{1,${places}}))?` : '';
  const match = new RegExp(`^(\\d+)${fraction}$`).exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]) * 10 ** places + Number((match[2] ?? '').padEnd(places, '0') || '0');
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Formats a scaled integer back as a decimal with exactly `places` decimals (1655, 1 → "165.5"). */
export function formatScaled(value: number, places: number): string {
  if (places === 0) return String(value);
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.abs(value)).padStart(places + 1, '0');
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}
