import { describe, expect, it } from 'vitest';
import { countErrorClasses } from '../../../plugins/tb-lab/lib/countErrorClasses.js';
import { judgeLaboratory } from '../../../plugins/tb-lab/lib/judgeLaboratory.js';

const counts = (partial: Partial<Record<'correct' | 'HFP' | 'HFN' | 'LFP' | 'LFN' | 'QE', number>>) => ({ ...countErrorClasses([]), ...partial });

describe('judgeLaboratory', () => {
  it('passes a sample without errors, and one with only LFP and QE (minor, feedback only)', () => {
    expect(judgeLaboratory(counts({ correct: 30 }))).toMatchObject({ passed: true, reasons: [], majorErrors: 0, minorErrors: 0 });
    expect(judgeLaboratory(counts({ correct: 28, LFP: 1, QE: 1 }))).toMatchObject({ passed: true, reasons: [], minorErrors: 2 });
  });

  it('fails any HFP: the specificity target is 100%', () => {
    expect(judgeLaboratory(counts({ correct: 29, HFP: 1 }))).toMatchObject({ passed: false, reasons: ['false-positives'], majorErrors: 1 });
    expect(judgeLaboratory(counts({ correct: 29, HFP: 1 }), 3).passed).toBe(false);
  });

  it('fails false negatives (HFN + LFN) above the acceptance number, and only above it', () => {
    expect(judgeLaboratory(counts({ correct: 29, LFN: 1 }))).toMatchObject({ passed: false, reasons: ['false-negatives'], falseNegatives: 1 });
    expect(judgeLaboratory(counts({ correct: 29, HFN: 1 }))).toMatchObject({ passed: false, reasons: ['false-negatives'], majorErrors: 1 });
    expect(judgeLaboratory(counts({ correct: 28, HFN: 1, LFN: 1 }), 2).passed).toBe(true);
    expect(judgeLaboratory(counts({ correct: 27, HFN: 1, LFN: 2 }), 2)).toMatchObject({ passed: false, falseNegatives: 3, acceptance: 2 });
  });

  it('gives both reasons when both hold', () => {
    expect(judgeLaboratory(counts({ correct: 28, HFP: 1, HFN: 1 })).reasons).toEqual(['false-positives', 'false-negatives']);
  });
});
