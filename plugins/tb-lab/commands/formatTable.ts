import stringWidth from 'string-width';

/**
 * Lines of aligned columns. Widths are display widths, so Chinese headers (two columns a
 * character) line up with Latin cells.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const all = [headers, ...rows];
  const widths = headers.map((_, i) => Math.max(...all.map((r) => stringWidth(r[i] ?? ''))));
  return all.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - stringWidth(cell))))
      .join('  ')
      .trimEnd(),
  );
}
