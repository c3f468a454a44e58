import { afterEach, describe, expect, it } from 'vitest';
import { createDuban, verifyAudit, type Duban } from '../../core/index.js';
import { builtinPlugins } from '../../plugins/index.js';
import { notesCandidate } from '../fixtures/notes/notesPlugin.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

// An engine steps on from the row it committed last; these are the cases where another
// process moved the instance on in between, so that row no longer holds.
describe.each(DIALECTS)('a step after another process wrote the instance on %s', (dialect) => {
  let duban: TestDuban | undefined;
  let other: Duban | undefined;
  afterEach(async () => {
    await other?.close();
    other = undefined;
    await duban?.dispose();
    duban = undefined;
  });

  // Two engines on one database, as a console and a `serve` worker are; their sends are
  // awaited one after the other (two SQLite handles in one process must not wait on each other).
  async function twoEngines() {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    other = await createDuban({ db: duban.database.target, clock: duban.manualClock, plugins: [...builtinPlugins, notesCandidate] });
    const instance = await duban.engine.start('notes', {}, 'alice');
    const note = (engine: Duban, text: string, expectedRevision?: number) =>
      engine.engine.send(instance.id, { type: 'NOTE', data: { text } }, 'alice', expectedRevision === undefined ? {} : { expectedRevision });
    await note(duban, 'a');
    return { instance, note, first: duban, second: other };
  }

  it('starts from the stored row: nothing the other wrote is lost', async () => {
    const { note, first, second } = await twoEngines();
    await note(second, 'b');
    const third = await note(first, 'c');
    expect(third.instance).toMatchObject({ revision: 4, context: { data: { notes: ['a', 'b', 'c'] } } });
    expect((await first.engine.get(third.instance.id)).context.data.notes).toEqual(['a', 'b', 'c']);
    expect(await verifyAudit(first.store.db)).toMatchObject({ ok: true });
  });

  it('judges the event on the stored row: refused where the other moved it, taken at the revision the other left', async () => {
    const { instance, note, first, second } = await twoEngines();
    await note(second, 'b');
    // The first engine committed revision 2 last; the stored row is at 3, which is what the caller expects.
    expect((await note(first, 'c', 3)).instance.revision).toBe(4);
    await second.engine.send(instance.id, { type: 'CLOSE' }, 'alice');
    await expect(note(first, 'd')).rejects.toMatchObject({ code: 'EVENT_NOT_ACCEPTED', details: { state: 'closed' } });
    expect(await first.engine.get(instance.id)).toMatchObject({ state: 'closed', revision: 5 });
  });

  it('keeps a refusal that holds on the stored row too, as a stale revision', async () => {
    const { note, first } = await twoEngines();
    await expect(note(first, 'b', 1)).rejects.toMatchObject({ code: 'REVISION_CONFLICT', details: { actual: 2, expected: 1 } });
    expect((await note(first, 'b', 2)).instance.revision).toBe(3);
  });
});
