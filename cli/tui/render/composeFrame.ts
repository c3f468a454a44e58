import { ansiCodesToString, diffAnsiCodes, styledCharsFromTokens, tokenize, type AnsiCode, type StyledChar } from '@alcalzone/ansi-tokenize';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import widestLine from 'widest-line';

/** A component's change to each line of its text (Ink's `<Text>` colours with one). */
export type LineTransformer = (line: string, index: number) => string;

/** One drawing operation as Ink 6.8's `Output` records it (build/output.js). */
export type FrameOperation =
  | { readonly type: 'write'; readonly x: number; readonly y: number; readonly text: string; readonly transformers: readonly LineTransformer[] }
  | { readonly type: 'clip'; readonly clip: { readonly x1?: number; readonly x2?: number; readonly y1?: number; readonly y2?: number } }
  | { readonly type: 'unclip' };

/** A line split into terminal cells, with each cell's width and the filler after a wide one. */
interface CellLine {
  readonly cells: readonly StyledChar[];
  readonly widths: readonly number[];
  readonly fillers: readonly (StyledChar | undefined)[];
}

// Caches that outlive a frame. Ink builds them anew for every frame, so every visible
// line is tokenized and measured again on every keypress, about half of a frame's CPU
// at 120×40; between two frames almost every line is the same. Bounded by clearing all
// of them together: a screen holds a few hundred distinct lines, so a clear is rare and
// costs one frame.
const CACHE_LIMIT = 20_000;
const STYLES_LIMIT = 2_000;
const lineCache = new Map<string, CellLine>();
const widthCache = new Map<string, number>();
// Style sets are interned, so equal styles are one array and the step between two
// neighbouring cells is a pointer comparison, and each distinct step is computed once.
const internedStyles = new Map<string, AnsiCode[]>();
const stepCache = new Map<AnsiCode[], Map<AnsiCode[], string>>();
const NO_STYLES: AnsiCode[] = [];
const BLANK: StyledChar = { type: 'char', value: ' ', fullWidth: false, styles: NO_STYLES };

function trimCaches(): void {
  if (lineCache.size < CACHE_LIMIT && widthCache.size < CACHE_LIMIT && internedStyles.size < STYLES_LIMIT) return;
  for (const cache of [lineCache, widthCache, internedStyles, stepCache]) cache.clear();
}

function widthOf(text: string): number {
  let width = widthCache.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    widthCache.set(text, width);
  }
  return width;
}

function intern(styles: AnsiCode[]): AnsiCode[] {
  if (styles.length === 0) return NO_STYLES;
  const key = styles.map((s) => `${s.code}\u0000${s.endCode}`).join('\u0001');
  let canonical = internedStyles.get(key);
  if (canonical === undefined) internedStyles.set(key, (canonical = styles));
  return canonical;
}

function cellLine(line: string): CellLine {
  let cached = lineCache.get(line);
  if (cached === undefined) {
    const cells = styledCharsFromTokens(tokenize(line)).map((c) => ({ ...c, styles: intern(c.styles) }));
    const widths = cells.map((c) => Math.max(1, widthOf(c.value)));
    const fillers = cells.map((c, i) => (widths[i]! > 1 ? { type: 'char' as const, value: '', fullWidth: false, styles: c.styles } : undefined));
    cached = { cells, widths, fillers };
    lineCache.set(line, cached);
  }
  return cached;
}

/** The escape codes that take the terminal from styles `from` to `to` (both interned). */
function step(from: AnsiCode[], to: AnsiCode[]): string {
  let row = stepCache.get(from);
  if (row === undefined) stepCache.set(from, (row = new Map()));
  let codes = row.get(to);
  if (codes === undefined) row.set(to, (codes = ansiCodesToString(diffAnsiCodes(from, to))));
  return codes;
}

function rowText(row: readonly (StyledChar | undefined)[]): string {
  let text = '';
  let previous: AnsiCode[] | undefined;
  for (const cell of row) {
    if (cell === undefined) continue;
    if (previous === undefined) text += ansiCodesToString(cell.styles);
    else if (cell.styles !== previous) text += step(previous, cell.styles);
    text += cell.value;
    previous = cell.styles;
  }
  if (previous !== undefined) text += step(previous, NO_STYLES);
  return text.trimEnd();
}

/**
 * Composes a frame from Ink's drawing operations: the algorithm of Ink 6.8's
 * `Output.get()` (MIT, Vadim Demedes), cell for cell the same text, with caches that
 * outlive the frame. See `installFrameComposer` for why and how it replaces Ink's.
 */
export function composeFrame(width: number, height: number, operations: readonly FrameOperation[]): { output: string; height: number } {
  trimCaches();
  const output: (StyledChar | undefined)[][] = [];
  for (let y = 0; y < height; y++) output.push(new Array<StyledChar>(width).fill(BLANK));
  const clips: Extract<FrameOperation, { type: 'clip' }>['clip'][] = [];
  for (const operation of operations) {
    if (operation.type === 'clip') clips.push(operation.clip);
    if (operation.type === 'unclip') clips.pop();
    if (operation.type !== 'write') continue;
    const { text, transformers } = operation;
    let { x, y } = operation;
    let lines = text.split('\n');
    const clip = clips.at(-1);
    if (clip) {
      const clipHorizontally = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
      const clipVertically = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
      if (clipHorizontally && (x + widestLine(text) < clip.x1! || x > clip.x2!)) continue;
      if (clipVertically && (y + lines.length < clip.y1! || y > clip.y2!)) continue;
      if (clipHorizontally) {
        lines = lines.map((line) => {
          const from = x < clip.x1! ? clip.x1! - x : 0;
          const lineWidth = widthOf(line);
          const to = x + lineWidth > clip.x2! ? clip.x2! - x : lineWidth;
          return sliceAnsi(line, from, to);
        });
        if (x < clip.x1!) x = clip.x1!;
      }
      if (clipVertically) {
        const from = y < clip.y1! ? clip.y1! - y : 0;
        const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
        lines = lines.slice(from, to);
        if (y < clip.y1!) y = clip.y1!;
      }
    }
    let offsetY = 0;
    for (let [index, line] of lines.entries()) {
      const row = output[y + offsetY];
      if (!row) continue;
      for (const transformer of transformers) line = transformer(line, index);
      const { cells, widths, fillers } = cellLine(line);
      let offsetX = x;
      for (let i = 0; i < cells.length; i++) {
        row[offsetX] = cells[i];
        const cellWidth = widths[i]!;
        for (let k = 1; k < cellWidth; k++) row[offsetX + k] = fillers[i];
        offsetX += cellWidth;
      }
      offsetY++;
    }
  }
  return { output: output.map(rowText).join('\n'), height: output.length };
}
