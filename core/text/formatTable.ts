import { textWidth } from './textWidth.js';

/**
 * Lays rows out as aligned text columns, two spaces apart, trailing spaces trimmed.
 * Widths are display widths ({@link textWidth}), so Chinese names (two columns a
 * character) line up with Latin text. Columns listed in `right` (numbers) are
 * right-aligned; the last column is never padded.
 *
 * @example formatTable(['科室', 'n'], [['CT', '12']], new Set([1]))
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string[] {
  const all = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...all.map((row) => textWidth(row[i] ?? ''))));
  return all.map((row) =>
    row
      .map((cell, i) => {
        if (i === row.length - 1 && !right.has(i)) return cell;
        const pad = ' '.repeat(widths[i]! - textWidth(cell));
        return right.has(i) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}
