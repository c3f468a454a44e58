/** The title levels of the points table. */
export const TITLE_LEVELS = ['physician', 'attending', 'chief'] as const;

/** One of {@link TITLE_LEVELS}. */
export type TitleLevel = (typeof TITLE_LEVELS)[number];

/** The count columns of the CSV, in header order. */
export const COUNT_COLUMNS = ['ct_diagnosis_parts', 'scan_parts', 'film_parts', 'enhanced_patients', 'night_parts', 'nights'] as const;

/** One of {@link COUNT_COLUMNS}. */
export type CountColumn = (typeof COUNT_COLUMNS)[number];

/** A person's counts for the month. */
export type WorkloadCounts = Readonly<Record<CountColumn, number>>;

/**
 * Base points by title level, in tenths of a point: physician (医师级) 110, attending
 * (主治级) 140. The chief's (主任级) is set by the hospital, so it is not here.
 * Source: the medical-technology points table of the seeds (DOMAIN.md).
 */
export const BASE_POINTS_TENTHS: Readonly<Record<Exclude<TitleLevel, 'chief'>, number>> = {
  physician: 1100,
  attending: 1400,
};

/**
 * Points per unit, in tenths: CT diagnosis 0.5 per body part, scan operation 0.3 per
 * part, film 0.2 per part, contrast-enhanced exam 1.5 per patient, night duty 1 per part
 * plus 3 per night. Source: as {@link BASE_POINTS_TENTHS}.
 */
export const WORKLOAD_TENTHS_PER_UNIT: Readonly<Record<CountColumn, number>> = {
  ct_diagnosis_parts: 5,
  scan_parts: 3,
  film_parts: 2,
  enhanced_patients: 15,
  night_parts: 10,
  nights: 30,
};

/** Workload points (everything but the base), in tenths. Pure, exact. */
export function workloadTenths(counts: WorkloadCounts): number {
  return COUNT_COLUMNS.reduce((sum, column) => sum + counts[column] * WORKLOAD_TENTHS_PER_UNIT[column], 0);
}

/**
 * Base points of a title level, in tenths; `undefined` for a chief when the hospital's
 * chief base was not given.
 */
export function baseTenths(title: TitleLevel, chiefBaseTenths: number | undefined): number | undefined {
  return title === 'chief' ? chiefBaseTenths : BASE_POINTS_TENTHS[title];
}
