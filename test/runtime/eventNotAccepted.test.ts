import { afterEach, describe, expect, it } from 'vitest';
import { isDubanError, type DubanError } from '../../core/index.js';
import { notesCandidate } from '../fixtures/notes/notesPlugin.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';
import { writeFootprint } from '../support/writeFootprint.js';

const refusal = async (promise: Promise<unknown>): Promise<DubanError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isDubanError(error)) throw new Error(`expected a DubanError, got ${String(error)}`);
  return error;
};

describe.each(DIALECTS)('an event the step does not accept, on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  it('is EVENT_NOT_ACCEPTED naming the step and what it accepts, and writes nothing', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    const started = await duban.engine.start('notes', {}, 'alice');
    await duban.engine.send(started.id, { type: 'NOTE', data: { text: 'first' } }, 'alice');
    const before = await writeFootprint(duban.store.db, started.id);

    const error = await refusal(duban.engine.send(started.id, { type: 'APPROVE', data: { x: 1 } }, 'alice'));
    expect(error.code).toBe('EVENT_NOT_ACCEPTED');
    expect(error.message).toMatch(/step "open".*APPROVE/);
    expect(error.details).toMatchObject({ state: 'open', accepted: ['NOTE', 'CLOSE'] });
    expect(await writeFootprint(duban.store.db, started.id)).toEqual(before);
  });

  it('a final step accepts nothing; the refusal writes nothing', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    const started = await duban.engine.start('notes', {}, 'alice');
    await duban.engine.send(started.id, { type: 'CLOSE' }, 'alice');
    const before = await writeFootprint(duban.store.db, started.id);
    expect((await refusal(duban.engine.send(started.id, { type: 'NOTE', data: { text: 'late' } }, 'alice'))).code).toBe('EVENT_NOT_ACCEPTED');
    expect(await writeFootprint(duban.store.db, started.id)).toEqual(before);
  });

  it('other refusals write nothing either: unknown instance, stale revision, bad form, engine-only event', async () => {
    duban = await startTestDuban(dialect);
    const started = await duban.engine.start('spot-check', { department: 'CT', candidates: ['p1'], count: 1 }, 'alice');
    const before = await writeFootprint(duban.store.db, started.id);
    expect((await refusal(duban.engine.send('i-nope', { type: 'SUBMIT' }, 'bob'))).code).toBe('INSTANCE_NOT_FOUND');
    expect((await refusal(duban.engine.send(started.id, { type: 'SUBMIT', data: { passed: true } }, 'bob', { expectedRevision: 1 }))).code).toBe(
      'REVISION_CONFLICT',
    );
    // A failed check without a note: the plugin's validation refuses it, naming the field.
    const form = await refusal(duban.engine.send(started.id, { type: 'SUBMIT', data: { passed: false } }, 'bob'));
    expect(form).toMatchObject({ code: 'FORM_INVALID', place: { path: 'data.note' } });
    expect(await writeFootprint(duban.store.db, started.id)).toEqual(before);
    // An engine-only event from a person is a refusal: it writes its one audit row, and nothing else.
    expect((await refusal(duban.engine.send(started.id, { type: 'timer.inspecting.sla' }, 'bob'))).code).toBe('NOT_ALLOWED');
    const denied = await duban.store.db.selectFrom('audit_log').selectAll().where('seq', '>', (before.auditHead as { seq: number }).seq).execute();
    expect(denied.map((r) => [r.event, r.actor, r.instance_id])).toEqual([['denied:timer.inspecting.sla', 'bob', started.id]]);
  });
});
