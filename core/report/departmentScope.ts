import { DubanError } from '../errors/DubanError.js';
import type { DepartmentDirectory } from '../org/DepartmentDirectory.js';

/**
 * The departments a report for `department` covers: itself and its sub-departments (a
 * report for 医技科 includes CT and ultrasound). A department outside the org table is
 * accepted when findings name it (county labs are often only in the TB plugin's data).
 *
 * @throws DubanError `USAGE` naming `--dept` when neither the org nor any finding knows it.
 */
export async function departmentScope(directory: DepartmentDirectory, department: string, findingsOf: (department: string) => Promise<number>): Promise<readonly string[]> {
  if (directory.has(department)) return directory.subtree(department);
  if ((await findingsOf(department)) === 0) {
    throw new DubanError('USAGE', `--dept: no department "${department}" in the org or the findings; see duban org show`, { place: { argument: '--dept' } });
  }
  return [department];
}
