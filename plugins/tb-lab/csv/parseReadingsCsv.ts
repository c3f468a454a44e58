import { parseGrade } from '../lib/grades.js';
import { SMEAR_QUALITY_FEATURES, type QualityMark, type SmearQualityMarks } from '../lib/smearQuality.js';
import { tbError } from '../lib/tbError.js';
import type { ReadingInput } from '../store/readingStore.js';
import { readCsvRecords } from './readCsvRecords.js';

/**
 * Reads readings from CSV. Header: `slide,grade` and optionally the smear-quality columns
 * `specimen,staining,thickness,size,evenness,cleanliness`, each `good` or `poor` (empty
 * when not scored).
 *
 * @throws DubanError `INPUT_INVALID` naming `file:line` and the column of the first bad row.
 */
export async function parseReadingsCsv(file: string): Promise<ReadingInput[]> {
  const records = await readCsvRecords(file, ['slide', 'grade']);
  return records.map(({ line, fields }) => {
    const slide = fields.slide ?? '';
    if (slide === '') throw tbError('INPUT_INVALID', 'err.csvEmptySlide', { file, line }, { file, line });
    const grade = parseGrade(fields.grade ?? '');
    if (!grade) throw tbError('INPUT_INVALID', 'err.csvBadGrade', { file, line, column: 'grade', value: fields.grade ?? '' }, { file, line, path: 'grade' });
    const quality: Partial<Record<(typeof SMEAR_QUALITY_FEATURES)[number], QualityMark>> = {};
    for (const feature of SMEAR_QUALITY_FEATURES) {
      const mark = (fields[feature] ?? '').toLowerCase();
      if (mark === '') continue;
      if (mark !== 'good' && mark !== 'poor') {
        throw tbError('INPUT_INVALID', 'err.csvBadMark', { file, line, column: feature, value: fields[feature] ?? '' }, { file, line, path: feature });
      }
      quality[feature] = mark;
    }
    return { slide, grade, quality: quality as SmearQualityMarks, place: { file, line } };
  });
}
