import stringWidth from 'string-width';

/**
 * Lays rows out as aligned text columns. Widths are display widths, so Chinese names
 * (two columns a character) line up with Latin text; `right` columns (numbers) are
 * right-aligned.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string[] {
  const all = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => stringWidth(r[i] ?? ''))));
  return all.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - stringWidth(cell));
        return right.has(i) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}
