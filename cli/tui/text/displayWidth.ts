import stringWidth from 'string-width';
import { textWidth } from '../../../core/text/textWidth.js';

// Text where every code point is its own grapheme (no combining marks, joiners,
// variation selectors, surrogate pairs) is measured by the core's table alone.
const COMPLEX = /[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0e31-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f\ud800-\udfff]/;
const WIDTH_CACHE_LIMIT = 50_000;
const cells = new Map<string, string>();
// Made on first need: making a segmenter loads ICU data, and most text never needs one.
let graphemes: Intl.Segmenter | undefined;

/**
 * The number of terminal columns `text` takes (CJK characters take two), as Ink
 * measures it. Simple text is summed a character at a time by {@link textWidth}; only
 * text with combining marks, joiners or emoji goes to string-width whole, Ink's own
 * measure, which costs tens of microseconds a call.
 */
export function displayWidth(text: string): number {
  return COMPLEX.test(text) ? stringWidth(text) : textWidth(text);
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
  const parts: Iterable<string> = COMPLEX.test(text) ? [...(graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text)].map((s) => s.segment) : text;
  for (const part of parts) {
    const w = displayWidth(part);
    if (used + w > room) break;
    out += part;
    used += w;
  }
  return out + ellipsis;
}

/** Pads `text` with spaces to exactly `width` columns (it must not be wider). */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const gap = Math.max(0, width - displayWidth(text));
  return align === 'left' ? text + ' '.repeat(gap) : ' '.repeat(gap) + text;
}

/**
 * Truncates then pads: a cell of exactly `width` columns. Remembered, because a list
 * redraws the same cells on every keypress.
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
