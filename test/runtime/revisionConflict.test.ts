import { afterEach, describe, expect, it } from 'vitest';
import { createDuban, isDubanError, verifyAudit, type Duban } from '../../core/index.js';
import { notesCandidate } from '../fixtures/notes/notesPlugin.js';
import { builtinPlugins } from '../../plugins/index.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

describe.each(DIALECTS)('two writers on %s', (dialect) => {
  let duban: TestDuban;
  let second: Duban | undefined;
  afterEach(async () => {
    await second?.close();
    second = undefined;
    await duban?.dispose();
  });

  /**
   * The two writers. On PostgreSQL, two engines with their own pools, as two processes
   * would be. On SQLite, one engine: two better-sqlite3 handles on one file in one process
   * deadlock (a writer waiting for the lock blocks the event loop the holder needs to
   * finish), so two SQLite processes are tested through the CLI (test/cli/revisionConflict).
   */
  const twoWriters = async () => {
    if (dialect === 'sqlite') return [duban.engine, duban.engine] as const;
    second = await createDuban({ db: duban.database.target, clock: duban.manualClock, plugins: [...builtinPlugins, notesCandidate] });
    return [duban.engine, second.engine] as const;
  };

  const notesOf = async (id: string) => (await duban.engine.get(id)).context.data.notes as string[];
  const auditRows = async (id: string) =>
    (await duban.store.db.selectFrom('audit_log').select(['event', 'actor', 'data']).where('instance_id', '=', id).orderBy('seq').execute()).map(
      (r) => `${r.event}:${r.actor}:${r.data}`,
    );

  it('two writers, same expected revision: one wins, the other gets REVISION_CONFLICT, nothing is lost', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    const [alices, bobs] = await twoWriters();
    const { id, revision } = await duban.engine.start('notes', {}, 'alice');

    const outcomes = await Promise.allSettled([
      alices.send(id, { type: 'NOTE', data: { text: 'from alice' } }, 'alice', { expectedRevision: revision }),
      bobs.send(id, { type: 'NOTE', data: { text: 'from bob' } }, 'bob', { expectedRevision: revision }),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(isDubanError(lost[0]!.reason, 'REVISION_CONFLICT')).toBe(true);
    expect(lost[0]!.reason.details).toMatchObject({ expected: revision });

    const winner = outcomes[0]!.status === 'fulfilled' ? 'alice' : 'bob';
    const loser = winner === 'alice' ? 'bob' : 'alice';
    expect(await notesOf(id)).toEqual([`from ${winner}`]);
    expect((await duban.engine.get(id)).revision).toBe(revision + 1);
    expect(await auditRows(id)).toEqual(['start:alice:{"input":{}}', `NOTE:${winner}:{"text":"from ${winner}"}`]);

    // The loser reloads and sends again: both notes are kept, in order.
    const engineOfLoser = loser === 'alice' ? alices : bobs;
    const retried = await engineOfLoser.send(id, { type: 'NOTE', data: { text: `from ${loser}` } }, loser, { expectedRevision: revision + 1 });
    expect(retried.instance.revision).toBe(revision + 2);
    expect(await notesOf(id)).toEqual([`from ${winner}`, `from ${loser}`]);
    expect(await verifyAudit(duban.store.db)).toMatchObject({ ok: true });
  });

  it('concurrent writers without an expected revision all land (lost compare-and-set is retried)', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    const [a, b] = await twoWriters();
    const { id, revision } = await duban.engine.start('notes', {}, 'alice');
    const texts = ['a1', 'b1', 'a2', 'b2', 'a3'];
    const results = await Promise.all(texts.map((text) => (text.startsWith('a') ? a : b).send(id, { type: 'NOTE', data: { text } }, 'alice')));
    // Every send appended its own audit row: no two writers committed on the same revision.
    expect(new Set(results.map((r) => r.auditSeq)).size).toBe(texts.length);
    const view = await duban.engine.get(id);
    expect(view.revision).toBe(revision + texts.length);
    expect([...(view.context.data.notes as string[])].sort()).toEqual([...texts].sort());
    expect((await auditRows(id)).filter((r) => r.startsWith('NOTE:'))).toHaveLength(texts.length);
    expect(await verifyAudit(duban.store.db)).toMatchObject({ ok: true });
  });
});
