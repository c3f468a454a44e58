import { extname } from 'node:path';
import { DubanError } from '../../core/errors/DubanError.js';
import { REPORT_FORMATS, type ReportOutputFormat } from './renderReport.js';

/** The file name extensions each report format is written under. */
export const REPORT_EXTENSIONS: Readonly<Record<ReportOutputFormat, readonly string[]>> = {
  md: ['.md', '.markdown'],
  html: ['.html', '.htm'],
  csv: ['.csv'],
  json: ['.json'],
  xlsx: ['.xlsx'],
};

/**
 * The format a report is written in: `--format`, else the one the `-o` file's extension
 * names, else md. A file whose extension is not the format's (`-o r.docx`, `--format md
 * -o r.xlsx`) is refused before anything is built, so no file ever holds one format under
 * another's name.
 *
 * @throws DubanError `USAGE` naming `--format` or `-o`.
 */
export function chooseReportFormat(format: string | undefined, output: string | undefined): ReportOutputFormat {
  if (format !== undefined && !(REPORT_FORMATS as readonly string[]).includes(format)) {
    throw new DubanError('USAGE', `--format: "${format}" is not one of ${REPORT_FORMATS.join(', ')}`, { place: { argument: '--format' } });
  }
  const extension = output === undefined ? '' : extname(output).toLowerCase();
  if (extension === '') return (format as ReportOutputFormat | undefined) ?? 'md';
  const named = REPORT_FORMATS.find((f) => REPORT_EXTENSIONS[f].includes(extension));
  if (named && (format === undefined || format === named)) return named;
  const expected = orList(format === undefined ? REPORT_FORMATS.flatMap((f) => REPORT_EXTENSIONS[f]) : REPORT_EXTENSIONS[format as ReportOutputFormat]);
  throw new DubanError(
    'USAGE',
    format === undefined
      ? `-o ${output}: "${extension}" is no report format's extension; name the file ${expected}, or give --format`
      : `-o ${output}: a ${extension} file cannot hold --format ${format}; name it ${expected}`,
    { place: { argument: '--output' } },
  );
}

function orList(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
