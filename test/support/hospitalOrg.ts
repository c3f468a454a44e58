import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importOrg, type Duban } from '../../core/index.js';

/** The path of the small test hospital's org file. */
export const HOSPITAL_ORG = fileURLToPath(new URL('../fixtures/org/hospital.yaml', import.meta.url));

/** Imports the test hospital: departments MT > CT, US; QC; one person per role. */
export async function importHospital(duban: Duban): Promise<void> {
  await importOrg(duban.store, readFileSync(HOSPITAL_ORG, 'utf8'), HOSPITAL_ORG, 'system:test', duban.clock.now());
}
