/**
 * A cohort rate: numerator over denominator, both stated, the rate null when the cohort is
 * empty.
 */
export interface CohortRate {
  readonly numerator: number;
  readonly denominator: number;
  readonly rate: number | null;
}

/**
 * The 2-month sputum conversion rate (满2个月痰菌阴转率) of a cohort.
 *
 * - Numerator: new smear-positive pulmonary TB patients of the cohort whose sputum smear
 *   is negative at the end of month 2 of treatment (the end of the intensive phase).
 * - Denominator: **all** new smear-positive pulmonary TB patients registered in the cohort
 *   (the quarter's register), including those who died, defaulted, transferred out or had
 *   no smear examined: they count as not converted.
 *
 * Definitions from WHO, *Treatment of tuberculosis: guidelines for national programmes*
 * (3rd ed., 2003), recording and reporting; the institute reports it next to slide QC.
 *
 * @throws RangeError when a count is not a whole number ≥ 0 or the numerator exceeds the denominator.
 */
export function sputumConversionRate(cohort: { registered: number; convertedAtTwoMonths: number }): CohortRate {
  return cohortRate(cohort.convertedAtTwoMonths, cohort.registered);
}

/**
 * The cure rate of new smear-positive patients (初治菌阳病人治愈率) of a cohort.
 *
 * - Numerator: new smear-positive pulmonary TB patients of the cohort who are cured:
 *   smear-negative in the last month of treatment and on at least one previous occasion.
 * - Denominator: **all** new smear-positive pulmonary TB patients registered in the same
 *   cohort, whatever their outcome (the WHO target is 85%).
 *
 * Definitions from WHO, *Treatment of tuberculosis: guidelines for national programmes*
 * (3rd ed., 2003), treatment outcomes.
 *
 * @throws RangeError when a count is not a whole number ≥ 0 or the numerator exceeds the denominator.
 */
export function cureRate(cohort: { registered: number; cured: number }): CohortRate {
  return cohortRate(cohort.cured, cohort.registered);
}

function cohortRate(numerator: number, denominator: number): CohortRate {
  for (const n of [numerator, denominator]) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`${n} is not a whole number ≥ 0`);
  }
  if (numerator > denominator) throw new RangeError(`numerator ${numerator} exceeds denominator ${denominator}`);
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}
