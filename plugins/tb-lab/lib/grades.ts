/**
 * The grades of a Ziehl-Neelsen sputum smear on the IUATLD/WHO scale used by the WHO/IUATLD
 * EQA guide (2002): NEG no AFB in 100 fields; SCANTY 1–9 AFB in 100 fields; 1+ 10–99 AFB
 * in 100 fields; 2+ 1–10 AFB a field; 3+ more than 10 AFB a field. In this order.
 */
export const SMEAR_GRADES = ['NEG', 'SCANTY', '1+', '2+', '3+'] as const;

/** One of {@link SMEAR_GRADES}. */
export type SmearGrade = (typeof SMEAR_GRADES)[number];

const ALIASES: Readonly<Record<string, SmearGrade>> = { NEGATIVE: 'NEG', 阴性: 'NEG' };

/**
 * Reads a grade as people write it: case and surrounding spaces do not matter, and
 * `NEGATIVE` or `阴性` mean NEG. Returns `undefined` for anything else; the caller names
 * the place of the bad value.
 */
export function parseGrade(text: string): SmearGrade | undefined {
  const upper = text.trim().toUpperCase();
  if ((SMEAR_GRADES as readonly string[]).includes(upper)) return upper as SmearGrade;
  return ALIASES[upper];
}

/** True for SCANTY, 1+, 2+ and 3+. */
export function isPositive(grade: SmearGrade): boolean {
  return grade !== 'NEG';
}

/** The grade's step on the scale: NEG 0, SCANTY 1, 1+ 2, 2+ 3, 3+ 4. */
export function gradeStep(grade: SmearGrade): number {
  return SMEAR_GRADES.indexOf(grade);
}
