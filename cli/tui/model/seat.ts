import type { Person } from '../../../core/org/OrgDirectory.js';

/**
 * Where a person sits at the console: the quality office works the whole hospital; anyone
 * else (a department head, an action's owner) works his departments' findings.
 */
export type Seat = 'office' | 'department';

/**
 * The seat of the acting person, from his roles: `office` (or IT, who keep the system) sit
 * in the office; everyone else in the department seat. Someone unknown to the org gets the
 * office's view, whose actions the engine refuses him anyway. What a seat offers is still
 * decided action by action by the access rules; the seat only chooses tabs and order.
 */
export function seatOf(person: Person | undefined): Seat {
  if (!person) return 'office';
  return person.roles.includes('office') || person.roles.includes('it') ? 'office' : 'department';
}

/** A department and every department under it, from the org's parent links. */
export function departmentsUnder(root: string, parents: ReadonlyMap<string, string | null>): string[] {
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [id, parent] of parents) if (parent === out[i] && !out.includes(id)) out.push(id);
  return out;
}
