/**
 * Readers for list values of instance data and submitted forms, which arrive as
 * `unknown`: a form has checked their shape, but a reader must not trust it blindly.
 */

/** The value as a list of records (items that are not objects are dropped); `[]` when not a list. */
export function recordsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object') : [];
}

/** The value as a list of strings (other items dropped); `[]` when not a list. */
export function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
