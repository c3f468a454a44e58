import { ERROR_CLASSES, type ErrorClass } from './classifyReading.js';

/** How many slides fell in each class. */
export type ErrorCounts = Readonly<Record<ErrorClass, number>>;

/** Counts classes; every class is present, zero when none. */
export function countErrorClasses(classes: Iterable<ErrorClass>): ErrorCounts {
  const counts = Object.fromEntries(ERROR_CLASSES.map((c) => [c, 0])) as Record<ErrorClass, number>;
  for (const c of classes) counts[c] += 1;
  return counts;
}
