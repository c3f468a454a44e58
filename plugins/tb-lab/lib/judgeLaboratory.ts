import type { ErrorCounts } from './countErrorClasses.js';

/** Why a laboratory failed. */
export type FailureReason = 'false-positives' | 'false-negatives';

/** The verdict on a laboratory for one round. */
export interface LaboratoryVerdict {
  readonly passed: boolean;
  readonly reasons: readonly FailureReason[];
  /** HFP + HFN. */
  readonly majorErrors: number;
  /** LFP + LFN + QE. */
  readonly minorErrors: number;
  /** HFN + LFN: the errors the LQAS sample was sized to detect. */
  readonly falseNegatives: number;
  readonly acceptance: number;
}

/**
 * Judges a laboratory from the final error counts of its sample (after the umpire rule).
 *
 * The rule, from the WHO/IUATLD guide *External Quality Assessment for AFB Smear
 * Microscopy* (2002):
 * 1. **False negatives**: the LQAS sample is sized so that a laboratory whose sensitivity
 *    is at or below the threshold shows more than `acceptance` false negatives with the
 *    chosen confidence. So HFN + LFN > `acceptance` fails the laboratory (with the
 *    guide's default acceptance number 0, any false negative does).
 * 2. **False positives**: the guide expects specificity of 100% and counts HFP as a
 *    major error, so any HFP fails the laboratory. LFP (a scanty reading the controller
 *    and umpire call negative) is a minor error and does not fail it alone.
 * QE and LFP are reported (`minorErrors`) for feedback and training, not for the verdict.
 *
 * @param acceptance the LQAS acceptance number d the sample was drawn with (default 0).
 * @example judgeLaboratory({ correct: 40, HFP: 0, HFN: 1, LFP: 0, LFN: 0, QE: 0 }).passed // false
 */
export function judgeLaboratory(counts: ErrorCounts, acceptance = 0): LaboratoryVerdict {
  const falseNegatives = counts.HFN + counts.LFN;
  const reasons: FailureReason[] = [];
  if (counts.HFP > 0) reasons.push('false-positives');
  if (falseNegatives > acceptance) reasons.push('false-negatives');
  return {
    passed: reasons.length === 0,
    reasons,
    majorErrors: counts.HFP + counts.HFN,
    minorErrors: counts.LFP + counts.LFN + counts.QE,
    falseNegatives,
    acceptance,
  };
}
