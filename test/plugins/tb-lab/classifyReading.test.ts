import { describe, expect, it } from 'vitest';
import { classifyReading, ERROR_CLASSES, isMajorError, type ErrorClass } from '../../../plugins/tb-lab/lib/classifyReading.js';
import { parseGrade, SMEAR_GRADES, type SmearGrade } from '../../../plugins/tb-lab/lib/grades.js';

// The error table of the WHO/IUATLD EQA guide (2002), written out row by row
// (laboratory) and column by column (controller), independently of the code's rule.
const TABLE: Record<SmearGrade, Record<SmearGrade, ErrorClass>> = {
  NEG: { NEG: 'correct', SCANTY: 'LFN', '1+': 'HFN', '2+': 'HFN', '3+': 'HFN' },
  SCANTY: { NEG: 'LFP', SCANTY: 'correct', '1+': 'correct', '2+': 'QE', '3+': 'QE' },
  '1+': { NEG: 'HFP', SCANTY: 'correct', '1+': 'correct', '2+': 'correct', '3+': 'QE' },
  '2+': { NEG: 'HFP', SCANTY: 'QE', '1+': 'correct', '2+': 'correct', '3+': 'correct' },
  '3+': { NEG: 'HFP', SCANTY: 'QE', '1+': 'QE', '2+': 'correct', '3+': 'correct' },
};

const PAIRS = SMEAR_GRADES.flatMap((lab) => SMEAR_GRADES.map((controller) => [lab, controller, TABLE[lab][controller]] as const));

describe('classifyReading', () => {
  it('covers all 25 pairs of grades', () => {
    expect(PAIRS).toHaveLength(25);
  });

  it.each(PAIRS)('lab %s, controller %s: %s', (lab, controller, expected) => {
    expect(classifyReading(lab, controller)).toBe(expected);
  });

  it('counts HFP and HFN as the major errors, and only them', () => {
    expect(ERROR_CLASSES.filter(isMajorError)).toEqual(['HFP', 'HFN']);
  });

  it('finds each class where the guide puts it: 11 correct, 3 HFN, 3 HFP, 1 LFN, 1 LFP, 6 QE', () => {
    const tally = (c: ErrorClass) => PAIRS.filter(([lab, controller]) => classifyReading(lab, controller) === c).length;
    expect(ERROR_CLASSES.map((c) => [c, tally(c)])).toEqual([
      ['correct', 11],
      ['HFP', 3],
      ['HFN', 3],
      ['LFP', 1],
      ['LFN', 1],
      ['QE', 6],
    ]);
  });
});

describe('parseGrade', () => {
  it('reads the grades whatever their case and spacing, and NEGATIVE or 阴性 as NEG', () => {
    expect([' neg ', 'Scanty', '1+', '2+ ', '3+', 'negative', '阴性'].map(parseGrade)).toEqual(['NEG', 'SCANTY', '1+', '2+', '3+', 'NEG', 'NEG']);
  });

  it('refuses anything else', () => {
    expect(['4+', '', 'pos', '+', '1'].map(parseGrade)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
