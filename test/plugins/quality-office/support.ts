import type { TestDuban } from '../../support/testDuban.js';

/**
 * The people the quality-office tests act as. Once people exist the engine refuses
 * unknown actors and checks `roles`, and a head counts only for their own department.
 */
export const PEOPLE = {
  office: 'qc-li',
  headCT: 'ct-wang',
  headUS: 'us-zhao',
  inspector: 'qc-chen',
} as const;

/** Seeds departments CT, US and QC, one person per role and the staff the tests name (rows of the core org tables). */
export async function seedOrg(duban: TestDuban): Promise<void> {
  await duban.store.db
    .insertInto('departments')
    .values([
      { id: 'QC', parent_id: null, name_zh: '质控办', name_en: 'Quality office' },
      { id: 'CT', parent_id: null, name_zh: 'CT室', name_en: 'CT' },
      { id: 'US', parent_id: null, name_zh: '超声科', name_en: 'Ultrasound' },
    ])
    .execute();
  const person = (id: string, name: string, department: string, roles: string) => ({
    id,
    name_zh: name,
    name_en: id,
    title: null,
    department_id: department,
    roles,
    active: 1,
  });
  await duban.store.db
    .insertInto('people')
    .values([
      person(PEOPLE.office, '李质控', 'QC', 'office'),
      person(PEOPLE.headCT, '王主任', 'CT', 'head'),
      person(PEOPLE.headUS, '赵主任', 'US', 'head'),
      person(PEOPLE.inspector, '陈督查', 'QC', 'inspector'),
      // Staff the meetings and trainings name: attendees, owners, trainees.
      ...['ct-a', 'ct-b', 'ct-c', 'ct-z', 'ct-zhang', 'ct-liu', 'ct-zhao'].map((id) => person(id, id, 'CT', '')),
      ...['us-d', 'us-e'].map((id) => person(id, id, 'US', '')),
    ])
    .execute();
}

/**
 * The notify effects an instance wrote to the outbox. Ids order rows only to the
 * millisecond, so effects of one event come in no set order: compare as a set.
 */
export async function notifications(duban: TestDuban, instanceId: string): Promise<{ to: Record<string, unknown>; message: Record<string, string> }[]> {
  const rows = await duban.store.db
    .selectFrom('outbox')
    .select(['payload'])
    .where('instance_id', '=', instanceId)
    .where('kind', '=', 'notify')
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.payload) as { to: Record<string, unknown>; message: Record<string, string> });
}

/** The milliseconds of `days` days (no daylight saving in Asia/Shanghai). */
export function days(n: number): number {
  return n * 24 * 60 * 60 * 1000;
}
