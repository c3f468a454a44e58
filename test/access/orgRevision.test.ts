import { afterEach, describe, expect, it } from 'vitest';
import { notesCandidate } from '../fixtures/notes/notesPlugin.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

describe.each(DIALECTS)('access decisions and the org kept in memory, on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  it('see every change of people and departments, however it was written', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate], org: false });
    const notes = await duban.engine.start('notes', {}, 'alice');
    // Before any org exists an unknown person passes a rule that allows anyone.
    expect((await duban.access.can('alice', { instanceId: notes.id }, 'NOTE')).allowed).toBe(true);

    // A row written past the org's module (another process, a hand edit) still counts.
    await duban.store.db.insertInto('people').values({ id: 'p1', name_zh: '甲', name_en: 'P1', title: null, department_id: null, roles: '', active: 1, logins: '' }).execute();
    expect(await duban.access.can('alice', { instanceId: notes.id }, 'NOTE')).toMatchObject({ allowed: false, code: 'UNKNOWN_PERSON' });
    expect((await duban.access.can('p1', { instanceId: notes.id }, 'NOTE')).allowed).toBe(true);

    await duban.store.db.updateTable('people').set({ active: 0 }).where('id', '=', 'p1').execute();
    expect(await duban.access.can('p1', { instanceId: notes.id }, 'NOTE')).toMatchObject({ allowed: false, code: 'NOT_ALLOWED' });
    await duban.store.db.deleteFrom('people').execute();
    expect((await duban.access.can('alice', { instanceId: notes.id }, 'NOTE')).allowed).toBe(true);
  });
});
