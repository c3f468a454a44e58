import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

/** A cell as read back: a number cell, or text (shared, inline or formula string). */
export type XlsxValue = number | string;

/** How a cell is shown: its number format code (absent for General) and whether it is bold. */
export interface XlsxStyle {
  readonly format?: string;
  readonly bold: boolean;
}

/** A worksheet as a grid: row number → column number → value (both 1-based), and each cell's style. */
export interface XlsxSheet {
  readonly name: string;
  readonly rows: ReadonlyMap<number, ReadonlyMap<number, XlsxValue>>;
  readonly styles: ReadonlyMap<number, ReadonlyMap<number, XlsxStyle>>;
}

/** A workbook as read back: its sheets in order and its document properties (docProps/core.xml). */
export interface XlsxWorkbook {
  readonly sheets: XlsxSheet[];
  readonly creator?: string;
  readonly created?: string;
}

/** Excel's built-in number formats that a report's cells can carry. */
const BUILT_IN_FORMATS: Record<number, string> = { 1: '0', 2: '0.00', 9: '0%', 10: '0.00%' };

/**
 * Reads an xlsx file without any spreadsheet library, as a second, independent reader:
 * fflate opens the zip, then the workbook, its relationships, the shared strings, the
 * styles and each worksheet's cells are read by their XML. Only what a report's cells
 * need: number and string cells, their number formats and bold, no formulas.
 */
export function readXlsx(path: string): XlsxWorkbook {
  const files = unzipSync(readFileSync(path));
  const text = (name: string) => {
    const bytes = files[name];
    if (!bytes) throw new Error(`${path}: no ${name} in the archive`);
    return strFromU8(bytes);
  };
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => allText(m[1]!));
  const styles = cellStyles(text('xl/styles.xml'));
  const rels = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => [attr(m[1]!, 'Id'), attr(m[1]!, 'Target')]));
  const sheets = [...text('xl/workbook.xml').matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => {
    const target = rels.get(attr(m[1]!, 'r:id'))!;
    const xml = text(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    const rows = new Map<number, Map<number, XlsxValue>>();
    const shown = new Map<number, Map<number, XlsxStyle>>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ref = attr(c[1]!, 'r');
      const type = attr(c[1]!, 't');
      const body = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: XlsxValue | undefined;
      if (type === 's') value = shared[Number(v)];
      else if (type === 'inlineStr') value = allText(body);
      else if (type === 'str' || type === 'b' || type === 'e') value = v === undefined ? undefined : decode(v);
      else if (v !== undefined) value = Number(v);
      if (value === undefined) continue;
      const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(ref)!;
      const column = [...letters!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      put(rows, Number(digits), column, value);
      put(shown, Number(digits), column, styles[Number(attr(c[1]!, 's') || 0)] ?? { bold: false });
    }
    return { name: decode(attr(m[1]!, 'name')), rows, styles: shown };
  });
  const core = files['docProps/core.xml'] ? strFromU8(files['docProps/core.xml']) : '';
  const creator = /<dc:creator>([\s\S]*?)<\/dc:creator>/.exec(core)?.[1];
  const created = /<dcterms:created\b[^>]*>([\s\S]*?)<\/dcterms:created>/.exec(core)?.[1];
  return { sheets, ...(creator === undefined ? {} : { creator: decode(creator) }), ...(created === undefined ? {} : { created }) };
}

function put<T>(grid: Map<number, Map<number, T>>, row: number, column: number, value: T): void {
  const cells = grid.get(row) ?? new Map<number, T>();
  cells.set(column, value);
  grid.set(row, cells);
}

/** The cell formats (cellXfs) by index, each with its number format code and font weight. */
function cellStyles(xml: string): XlsxStyle[] {
  const codes = new Map([...xml.matchAll(/<numFmt\b([^>]*)\/?>/g)].map((m) => [Number(attr(m[1]!, 'numFmtId')), decode(attr(m[1]!, 'formatCode'))]));
  const fonts = [.../<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(xml)![1]!.matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)].map((m) => /<b\s*\/>|<b\s+val="(?:1|true)"/.test(m[1] ?? ''));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => {
    const id = Number(attr(m[1]!, 'numFmtId') || 0);
    const format = codes.get(id) ?? BUILT_IN_FORMATS[id];
    return { ...(format === undefined ? {} : { format }), bold: fonts[Number(attr(m[1]!, 'fontId') || 0)] ?? false };
  });
}

function attr(attributes: string, name: string): string {
  return new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}="([^"]*)"`).exec(attributes)?.[1] ?? '';
}

function allText(xml: string): string {
  return [...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => decode(m[1]!)).join('');
}

function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
