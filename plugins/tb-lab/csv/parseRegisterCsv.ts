import { parseGrade } from '../lib/grades.js';
import { tbError } from '../lib/tbError.js';
import type { RegisterEntry } from '../store/registerStore.js';
import { readCsvRecords } from './readCsvRecords.js';

const KNOWN = ['slide', 'result', 'examined_on'];

/**
 * Reads a laboratory's slide register from CSV. Header: `slide,result` and optionally
 * `examined_on` (YYYY-MM-DD); other columns are kept as they are. `result` is one of
 * NEG SCANTY 1+ 2+ 3+. Slide ids are unique.
 *
 * @throws DubanError `INPUT_INVALID` naming `file:line` and the column of the first bad
 * row; nothing is returned, so nothing is written.
 */
export async function parseRegisterCsv(file: string): Promise<RegisterEntry[]> {
  const records = await readCsvRecords(file, ['slide', 'result']);
  const firstLine = new Map<string, number>();
  return records.map(({ line, fields }) => {
    const slide = fields.slide ?? '';
    if (slide === '') throw tbError('INPUT_INVALID', 'err.csvEmptySlide', { file, line }, { file, line });
    const first = firstLine.get(slide);
    if (first !== undefined) throw tbError('INPUT_INVALID', 'err.csvDuplicateSlide', { file, line, slide, first }, { file, line });
    firstLine.set(slide, line);
    const result = parseGrade(fields.result ?? '');
    if (!result) throw tbError('INPUT_INVALID', 'err.csvBadGrade', { file, line, column: 'result', value: fields.result ?? '' }, { file, line, path: 'result' });
    const examinedOn = fields.examined_on || undefined;
    if (examinedOn !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(examinedOn) && !Number.isNaN(Date.parse(examinedOn)))) {
      throw tbError('INPUT_INVALID', 'err.csvBadDate', { file, line, value: examinedOn }, { file, line, path: 'examined_on' });
    }
    const extra = Object.fromEntries(Object.entries(fields).filter(([k]) => !KNOWN.includes(k)));
    return { slide, line, result, examinedOn, extra };
  });
}
