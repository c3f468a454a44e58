import type { FieldSpec } from '../../../core/plugin/index.js';
import { parseGrade, SMEAR_GRADES } from '../lib/grades.js';
import { SMEAR_QUALITY_FEATURES, type QualityMark, type SmearQualityMarks } from '../lib/smearQuality.js';
import { both } from '../locales/text.js';
import type { ReadingInput } from '../store/readingStore.js';

const gradeField: FieldSpec = {
  type: 'enum',
  required: true,
  label: both('field.grade'),
  options: SMEAR_GRADES.map((g) => ({ value: g, label: both(`grade.${g}`) })),
};

const markField = (feature: (typeof SMEAR_QUALITY_FEATURES)[number]): FieldSpec => ({
  type: 'enum',
  label: both(`quality.${feature}`),
  options: [
    { value: 'good', label: both('mark.good') },
    { value: 'poor', label: both('mark.poor') },
  ],
});

/**
 * The `readings` field of the reading forms: a list of slides with a grade, and for the
 * controller the six smear-quality marks. Optional: readings may also come one by one
 * through `duban tb read` before the form is submitted.
 */
export function readingsField(withQuality: boolean): FieldSpec {
  const items: Record<string, FieldSpec> = {
    slide: { type: 'string', required: true, min: 1, max: 200, label: both('field.slide') },
    grade: gradeField,
  };
  if (withQuality) for (const feature of SMEAR_QUALITY_FEATURES) items[feature] = markField(feature);
  return { type: 'list', label: both('field.readings'), items };
}

/** The readings of a submitted form (already checked against its fields), each naming its path. */
export function formReadings(value: unknown, path: string): ReadingInput[] {
  if (!Array.isArray(value)) return [];
  return value.map((item: Record<string, unknown>, i) => {
    const quality: Partial<Record<(typeof SMEAR_QUALITY_FEATURES)[number], QualityMark>> = {};
    for (const feature of SMEAR_QUALITY_FEATURES) {
      const mark = item[feature];
      if (mark === 'good' || mark === 'poor') quality[feature] = mark;
    }
    return {
      slide: String(item.slide),
      grade: parseGrade(String(item.grade)) ?? 'NEG',
      quality: quality as SmearQualityMarks,
      place: { path: `${path}.${i}.slide` },
    };
  });
}
