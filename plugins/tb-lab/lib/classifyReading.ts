import { gradeStep, isPositive, type SmearGrade } from './grades.js';

/** The result classes of blinded rechecking (WHO/IUATLD EQA guide, 2002). */
export const ERROR_CLASSES = ['correct', 'HFP', 'HFN', 'LFP', 'LFN', 'QE'] as const;

/** One of {@link ERROR_CLASSES}. */
export type ErrorClass = (typeof ERROR_CLASSES)[number];

/**
 * Classifies the laboratory's grade of a slide against the controller's, by the error table
 * of the WHO/IUATLD guide *External Quality Assessment for AFB Smear Microscopy* (2002):
 *
 * | lab \ controller | NEG     | SCANTY  | 1+      | 2+      | 3+      |
 * | ---------------- | ------- | ------- | ------- | ------- | ------- |
 * | NEG              | correct | LFN     | HFN     | HFN     | HFN     |
 * | SCANTY           | LFP     | correct | correct | QE      | QE      |
 * | 1+               | HFP     | correct | correct | correct | QE      |
 * | 2+               | HFP     | QE      | correct | correct | correct |
 * | 3+               | HFP     | QE      | QE      | correct | correct |
 *
 * - HFP, high false positive: the lab reads 1+ to 3+, the controller negative.
 * - HFN, high false negative: the lab reads negative, the controller 1+ to 3+.
 * - LFP / LFN, low false positive / negative: the same with SCANTY on the positive side,
 *   where a few bacilli are easily missed or misjudged by either reader.
 * - QE, quantification error: both positive, more than one grade apart (SCANTY and 1+
 *   are adjacent, so they agree).
 *
 * Pure and total: every one of the 25 pairs has a class.
 *
 * @example classifyReading('NEG', '2+') // 'HFN'
 */
export function classifyReading(lab: SmearGrade, controller: SmearGrade): ErrorClass {
  if (lab === controller) return 'correct';
  if (!isPositive(lab)) return controller === 'SCANTY' ? 'LFN' : 'HFN';
  if (!isPositive(controller)) return lab === 'SCANTY' ? 'LFP' : 'HFP';
  return Math.abs(gradeStep(lab) - gradeStep(controller)) > 1 ? 'QE' : 'correct';
}

/**
 * True for the major errors, HFP and HFN: a wrong diagnosis of a patient with many bacilli
 * (WHO/IUATLD EQA guide, 2002). LFP, LFN and QE are minor.
 */
export function isMajorError(errorClass: ErrorClass): boolean {
  return errorClass === 'HFP' || errorClass === 'HFN';
}
