import { readInputFile } from '../../../core/plugin/index.js';
import { tbError } from '../lib/tbError.js';

/** One data row of a CSV file, with its line number; header names are trimmed and lower-case. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * Reads a CSV file (`-`: standard input) with a header line (UTF-8, BOM allowed, blank lines skipped) and checks
 * that the `required` columns are there.
 *
 * @throws DubanError `INPUT_INVALID` naming the file and line: unreadable file, broken CSV,
 * a missing column, no data row.
 */
export async function readCsvRecords(file: string, requiredColumns: readonly string[]): Promise<CsvRecord[]> {
  let text: string;
  try {
    text = (await readInputFile(file)).bytes.toString('utf8');
  } catch (cause) {
    throw tbError('INPUT_INVALID', 'err.fileUnreadable', { file, reason: (cause as Error).message }, { file });
  }
  // The CSV parser loads with the first file read: the laboratory's other commands never need it.
  const { parse } = await import('csv-parse/sync');
  let rows: { info: { lines: number }; record: Record<string, string> }[];
  let header: string[] = [];
  try {
    rows = parse(text, {
      columns: (names: string[]) => (header = names.map((h) => h.trim().toLowerCase())),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof rows;
  } catch (cause) {
    const line = Number((cause as { lines?: number }).lines ?? 1);
    throw tbError('INPUT_INVALID', 'err.csvSyntax', { file, line, reason: (cause as Error).message }, { file, line });
  }
  for (const column of requiredColumns) {
    if (!header.includes(column)) throw tbError('INPUT_INVALID', 'err.csvMissingColumn', { file, column }, { file, line: 1 });
  }
  if (rows.length === 0) throw tbError('INPUT_INVALID', 'err.csvNoRows', { file }, { file });
  return rows.map((r) => ({ line: r.info.lines, fields: r.record }));
}
