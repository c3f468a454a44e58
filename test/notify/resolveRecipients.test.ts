import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRecipients } from '../../core/notify/resolveRecipients.js';
import { DIALECTS } from '../support/dialects.js';
import { addPeople, startScheduleDuban, type ScheduleTestDuban } from '../schedule/scheduleDuban.js';

describe.each(DIALECTS)('notification recipients on %s', (dialect) => {
  let duban: ScheduleTestDuban;
  const ids = async (to: Parameters<typeof resolveRecipients>[1]) => (await resolveRecipients(duban.store.db, to)).map((r) => r.id);

  beforeAll(async () => {
    duban = await startScheduleDuban(dialect, { plugins: false });
    // medtech (医技科) has CT below it; internal medicine is elsewhere.
    for (const [id, parent] of [['medtech', null], ['CT', 'medtech'], ['internal', null]] as const) {
      await duban.store.db.insertInto('departments').values({ id, parent_id: parent, name_zh: id, name_en: id }).execute();
    }
    await addPeople(duban, [
      { id: 'h-ct', roles: 'head', department: 'CT' },
      { id: 'i-ct', roles: 'inspector', department: 'CT' },
      { id: 'i-med', roles: 'office,inspector', department: 'medtech' },
      { id: 'i-int', roles: 'inspector', department: 'internal' },
      { id: 'i-gone', roles: 'inspector', department: 'CT', active: false },
    ]);
  });
  afterAll(async () => duban?.dispose());

  it('a role reaches its active holders; within a department also those of the departments below it', async () => {
    expect(await ids({ role: 'inspector' })).toEqual(['i-ct', 'i-int', 'i-med']);
    expect(await ids({ role: 'inspector', department: 'medtech' })).toEqual(['i-ct', 'i-med']);
    expect(await ids({ role: 'inspector', department: 'CT' })).toEqual(['i-ct']);
    expect(await ids({ role: 'vp' })).toEqual([]);
  });

  it('a department alone reaches its active people; a person is themself unless inactive; an unlisted person still gets it', async () => {
    expect(await ids({ department: 'CT' })).toEqual(['h-ct', 'i-ct']);
    expect(await ids({ person: 'i-int' })).toEqual(['i-int']);
    expect(await ids({ person: 'i-gone' })).toEqual([]);
    expect(await ids({ person: 'visitor' })).toEqual(['visitor']);
  });
});
