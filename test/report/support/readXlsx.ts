import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** A cell as read back: a number cell, or text (shared, inline or formula string). */
export type XlsxValue = number | string;

/** A worksheet as a grid: row number → column number → value (both 1-based). */
export interface XlsxSheet {
  readonly name: string;
  readonly rows: ReadonlyMap<number, ReadonlyMap<number, XlsxValue>>;
}

/**
 * Reads an xlsx file without any spreadsheet library, as a second, independent reader:
 * the zip's central directory by hand (node's zlib inflates), then the workbook, its
 * relationships, the shared strings and each worksheet's cells by their XML. Only what a
 * report's cells need: number and string cells, no styles or formulas.
 */
export function readXlsx(path: string): XlsxSheet[] {
  const files = unzip(readFileSync(path));
  const text = (name: string) => {
    const bytes = files.get(name);
    if (!bytes) throw new Error(`${path}: no ${name} in the archive`);
    return bytes.toString('utf8');
  };
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => allText(m[1]!));
  const rels = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => [attr(m[1]!, 'Id'), attr(m[1]!, 'Target')]));
  return [...text('xl/workbook.xml').matchAll(/<sheet\b([^>]*)\/?>/g)].map((m) => {
    const target = rels.get(attr(m[1]!, 'r:id'))!;
    const xml = text(target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    const rows = new Map<number, Map<number, XlsxValue>>();
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
      const row = rows.get(Number(digits)) ?? new Map<number, XlsxValue>();
      row.set(column, value);
      rows.set(Number(digits), row);
    }
    return { name: decode(attr(m[1]!, 'name')), rows };
  });
}

function unzip(zip: Buffer): Map<string, Buffer> {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    files.set(name, method === 0 ? Buffer.from(data) : inflateRawSync(data));
    at += 46 + skip;
  }
  return files;
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
