import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const widths = new Map<string, number>();
const WIDTH_CACHE_LIMIT = 50_000;

/**
 * The number of terminal columns `text` takes (CJK characters take two), by
 * string-width. string-width costs tens of microseconds a call, and a frame measures
 * hundreds of cells, so plain ASCII is counted directly and other text is remembered
 * (the same titles and names are drawn frame after frame).
 */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = widths.get(text);
  if (width === undefined) {
    if (widths.size >= WIDTH_CACHE_LIMIT) widths.clear();
    width = stringWidth(text);
    widths.set(text, width);
  }
  return width;
}

/**
 * Makes `text` one line: newlines, tabs and other control characters become spaces, so a
 * multi-line title or note cannot break the row layout.
 */
export function singleLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
}

/**
 * Cuts `text` to at most `width` columns by display width, ending with `ellipsis` when
 * something was cut. Cuts between grapheme clusters, never inside one, so an emoji or a
 * combining mark is kept whole. A wide character that would straddle the edge is left
 * out (the result may be one column short; {@link fitToWidth} pads it).
 *
 * Ink's own `wrap="truncate"` can overflow by one column on CJK (STACK.md, pitfall 12),
 * which is why this exists.
 *
 * @example truncateToWidth('值班不在岗', 5) === '值班…'
 */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ellipsis);
  if (room < 0) return ellipsis.slice(0, width);
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return out + ellipsis;
}

/** Pads `text` with spaces to exactly `width` columns (it must not be wider). */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, width - displayWidth(text));
  return align === 'left' ? text + ' '.repeat(gap) : ' '.repeat(gap) + text;
}

const cells = new Map<string, string>();

/**
 * Truncates then pads: a cell of exactly `width` columns. Remembered like
 * {@link displayWidth}, because a list redraws the same cells on every keypress.
 */
export function fitToWidth(text: string, width: number, options: { align?: 'left' | 'right'; ellipsis?: string } = {}): string {
  const key = `${width}\u0000${options.align ?? 'left'}\u0000${options.ellipsis ?? ''}\u0000${text}`;
  let cell = cells.get(key);
  if (cell === undefined) {
    if (cells.size >= WIDTH_CACHE_LIMIT) cells.clear();
    cell = padToWidth(truncateToWidth(singleLine(text), width, options.ellipsis), width, options.align);
    cells.set(key, cell);
  }
  return cell;
}
