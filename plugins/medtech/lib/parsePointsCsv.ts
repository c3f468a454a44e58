import { CsvError, parse } from 'csv-parse/sync';
import { COUNT_COLUMNS, TITLE_LEVELS, type CountColumn, type TitleLevel, type WorkloadCounts } from './workloadPoints.js';

/** The columns the points CSV must have; others may follow and are kept. */
export const REQUIRED_COLUMNS = ['person', 'title', ...COUNT_COLUMNS] as const;

/** A count above this is a typing slip (an id pasted into a count), not a month's work. */
export const MAX_MONTHLY_COUNT = 1_000_000;

/** One person's row, with the line it starts on. */
export interface PointsRow {
  readonly line: number;
  readonly person: string;
  readonly title: TitleLevel;
  readonly counts: WorkloadCounts;
  /** The columns beyond the required ones, by header name, as written. */
  readonly extra: Readonly<Record<string, string>>;
}

/** A problem of the CSV; `kind` names its message (`points.error.<kind>`). */
export type PointsCsvProblem =
  | { readonly kind: 'csv'; readonly line: number; readonly reason: string }
  | { readonly kind: 'empty' | 'noRows'; readonly line: number }
  | { readonly kind: 'missingColumn' | 'duplicateColumn'; readonly line: number; readonly column: string }
  | { readonly kind: 'columnCount'; readonly line: number; readonly found: number; readonly expected: number }
  | { readonly kind: 'person'; readonly line: number; readonly column: 'person' }
  | { readonly kind: 'duplicatePerson'; readonly line: number; readonly column: 'person'; readonly value: string; readonly first: number }
  | { readonly kind: 'title'; readonly line: number; readonly column: 'title'; readonly value: string }
  | { readonly kind: 'count'; readonly line: number; readonly column: CountColumn; readonly value: string };

/** The rows of a points CSV, or every problem found; rows are given only when there is none. */
export type PointsCsvResult = { readonly rows: PointsRow[]; readonly problems: [] } | { readonly rows: []; readonly problems: PointsCsvProblem[] };

/**
 * Reads a month's points CSV: a header with at least {@link REQUIRED_COLUMNS} (any order,
 * other columns kept), one row per person. A blank count is 0; a count must be a whole
 * number from 0 to {@link MAX_MONTHLY_COUNT}; a person appears once. A UTF-8 BOM (Excel)
 * and CRLF line ends are accepted; rows whose cells are all empty are skipped.
 *
 * Never throws: every problem is returned with the line its row starts on, so the
 * caller can refuse the whole file and name each bad line.
 */
export function parsePointsCsv(source: Uint8Array): PointsCsvResult {
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // With `info`, each record comes with where it ends; the typings do not follow the option.
    records = parse(Buffer.from(source), { bom: true, info: true, trim: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) return fail({ kind: 'csv', line: Number((error as CsvError & { lines?: number }).lines ?? 1), reason: error.message });
    throw error;
  }
  const lineAt = lineCounter(source);
  let previousEnd = 0;
  const lines = records.map((r) => {
    const line = lineAt(previousEnd);
    previousEnd = r.info.bytes;
    return line;
  });
  const [header, ...body] = records.map((r) => r.record);
  if (!header) return fail({ kind: 'empty', line: 1 });

  const problems: PointsCsvProblem[] = [];
  const headerLine = lines[0]!;
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (index.has(name) && name !== '') problems.push({ kind: 'duplicateColumn', line: headerLine, column: name });
    else index.set(name, i);
  });
  for (const column of REQUIRED_COLUMNS) if (!index.has(column)) problems.push({ kind: 'missingColumn', line: headerLine, column });
  if (problems.length > 0) return fail(...problems);

  const required = new Set<string>(REQUIRED_COLUMNS);
  const extraColumns = header.map((name, i) => ({ name: name || `column_${i + 1}`, i })).filter((c) => !required.has(header[c.i]!));
  const rows: PointsRow[] = [];
  const firstLineOf = new Map<string, number>();
  body.forEach((cells, k) => {
    const line = lines[k + 1]!;
    if (cells.every((c) => c === '')) return;
    if (cells.length !== header.length) {
      problems.push({ kind: 'columnCount', line, found: cells.length, expected: header.length });
      return;
    }
    const cell = (column: string) => cells[index.get(column)!]!;
    const before = problems.length;
    const person = cell('person');
    if (person === '') problems.push({ kind: 'person', line, column: 'person' });
    else if (firstLineOf.has(person)) problems.push({ kind: 'duplicatePerson', line, column: 'person', value: person, first: firstLineOf.get(person)! });
    else firstLineOf.set(person, line);
    const title = cell('title').toLowerCase();
    if (!(TITLE_LEVELS as readonly string[]).includes(title)) problems.push({ kind: 'title', line, column: 'title', value: cell('title') });
    const counts = {} as Record<CountColumn, number>;
    for (const column of COUNT_COLUMNS) {
      const value = cell(column);
      const n = value === '' ? 0 : /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!(n >= 0 && n <= MAX_MONTHLY_COUNT)) problems.push({ kind: 'count', line, column, value });
      counts[column] = n;
    }
    if (problems.length > before) return;
    const extra = Object.fromEntries(extraColumns.map((c) => [c.name, cells[c.i]!]));
    rows.push({ line, person, title: title as TitleLevel, counts, extra });
  });
  if (problems.length > 0) return fail(...problems);
  if (rows.length === 0) return fail({ kind: 'noRows', line: headerLine });
  return { rows, problems: [] };
}

function fail(...problems: PointsCsvProblem[]): PointsCsvResult {
  return { rows: [], problems };
}

// The line a record starts on: csv-parse reports where a record *ends* (and miscounts
// CRLF inside quoted cells), so count newlines up to the byte after the previous record,
// skipping the blank lines before this one. Offsets only grow, so one pass suffices.
function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let cursor = 0;
  let line = 1;
  return (offset) => {
    let at = offset;
    while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
    for (; cursor < at; cursor++) if (bytes[cursor] === 0x0a) line++;
    return line;
  };
}
