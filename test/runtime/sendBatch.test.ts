import { afterEach, describe, expect, it } from 'vitest';
import { GroupCommit, isDubanError, verifyAudit } from '../../core/index.js';
import { notesCandidate } from '../fixtures/notes/notesPlugin.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

describe.each(DIALECTS)('a batch of events in one transaction, on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  it('commits the events that succeed, and only the failing one reports its error', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    const a = await duban.engine.start('notes', {}, 'alice');
    const b = await duban.engine.start('notes', {}, 'alice');
    const closed = await duban.engine.start('notes', {}, 'alice');
    await duban.engine.send(closed.id, { type: 'CLOSE' }, 'alice');
    const headBefore = await duban.store.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();

    const outcomes = await duban.engine.sendBatch([
      { instanceId: a.id, event: { type: 'NOTE', data: { text: 'one' } }, actor: 'alice' },
      { instanceId: closed.id, event: { type: 'NOTE', data: { text: 'too late' } }, actor: 'alice' },
      { instanceId: b.id, event: { type: 'NOTE', data: { text: 'two' } }, actor: 'alice' },
      { instanceId: a.id, event: { type: 'NOTE', data: { text: 'three' } }, actor: 'alice' },
    ]);

    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, true]);
    const failed = outcomes[1]!;
    expect(!failed.ok && isDubanError(failed.error, 'EVENT_NOT_ACCEPTED')).toBe(true);
    // Each accepted event has its own revision step and audit row, the failed one neither.
    expect(outcomes.flatMap((o) => (o.ok ? [o.result.instance.revision] : []))).toEqual([2, 2, 3]);
    expect((await duban.engine.get(a.id)).context.data.notes).toEqual(['one', 'three']);
    expect((await duban.engine.get(b.id)).context.data.notes).toEqual(['two']);
    expect((await duban.engine.get(closed.id)).revision).toBe(2);
    const rows = await duban.store.db.selectFrom('audit_log').select(['seq', 'instance_id', 'event']).where('seq', '>', headBefore.seq).orderBy('seq').execute();
    expect(rows.map((r) => [r.instance_id, r.event])).toEqual([
      [a.id, 'NOTE'],
      [b.id, 'NOTE'],
      [a.id, 'NOTE'],
    ]);
    expect(outcomes.flatMap((o) => (o.ok ? [o.result.auditSeq] : []))).toEqual(rows.map((r) => Number(r.seq)));
    expect((await verifyAudit(duban.store.db)).ok).toBe(true);
  });

  it('tells concurrent senders of a group commit their own outcome after the commit', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    const group = new GroupCommit(duban.engine);
    const open = await duban.engine.start('notes', {}, 'alice');
    const sends = Array.from({ length: 8 }, (_, i) => group.send(open.id, { type: 'NOTE', data: { text: `n${i}` } }, 'alice'));
    const stale = group.send(open.id, { type: 'NOTE', data: { text: 'stale' } }, 'alice', { expectedRevision: 1 });
    const results = await Promise.all(sends);
    expect(results.map((r) => r.instance.revision).sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    await expect(stale).rejects.toMatchObject({ code: 'REVISION_CONFLICT' });
    expect((await duban.engine.get(open.id)).context.data.notes).toHaveLength(8);
    expect((await verifyAudit(duban.store.db)).ok).toBe(true);
  });
});
