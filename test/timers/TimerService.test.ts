import { afterEach, describe, expect, it } from 'vitest';
import { createDuban, type Duban } from '../../core/index.js';
import { builtinPlugins } from '../../plugins/index.js';
import { notesCandidate } from '../fixtures/notes/notesPlugin.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

const HOUR = 3_600_000;

describe.each(DIALECTS)('durable timers on %s', (dialect) => {
  let duban: TestDuban;
  let second: Duban | undefined;
  afterEach(async () => {
    await second?.close();
    second = undefined;
    await duban?.dispose();
  });

  const timerRows = (instanceId: string) =>
    duban.store.db.selectFrom('timers').select(['status', 'due_at', 'late', 'fired_at']).where('instance_id', '=', instanceId).execute();
  const breachData = async (instanceId: string) =>
    (await duban.store.db.selectFrom('audit_log').select('data').where('instance_id', '=', instanceId).where('event', '=', 'timer.open.sla').execute()).map(
      (r) => JSON.parse(r.data) as { late: boolean; lateByMs: number },
    );

  it('fires at its due instant, not before, and on time is not late', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    const started = await duban.engine.start('notes', {}, 'alice');
    const due = new Date(duban.clock.now().getTime() + HOUR).toISOString();
    expect(await duban.timers.pendingFor(started.id)).toEqual([expect.objectContaining({ key: 'open.sla', dueAt: due })]);
    expect((await duban.timers.nextDue())?.toISOString()).toBe(due);

    duban.manualClock.advance(HOUR - 1);
    expect(await duban.timers.fireDue()).toEqual({ fired: 0, late: 0, void: 0 });
    duban.manualClock.advance(1);
    expect(await duban.timers.fireDue()).toEqual({ fired: 1, late: 0, void: 0 });
    expect(await timerRows(started.id)).toEqual([{ status: 'fired', due_at: due, late: 0, fired_at: due }]);
    expect(await breachData(started.id)).toEqual([expect.objectContaining({ late: false, lateByMs: 0 })]);
    expect((await duban.engine.get(started.id)).context.breaches).toEqual([{ state: 'open', at: due }]);
  });

  it('one that fell due while nothing ran fires on the next pass, marked late', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    const started = await duban.engine.start('notes', {}, 'alice');
    const [{ dueAt }] = await duban.timers.pendingFor(started.id);
    duban.manualClock.advance(3 * HOUR);
    expect(await duban.timers.fireDue()).toEqual({ fired: 1, late: 1, void: 0 });
    const [row] = await timerRows(started.id);
    expect(row).toMatchObject({ status: 'fired', due_at: dueAt, late: 1 });
    expect(await breachData(started.id)).toEqual([expect.objectContaining({ late: true, lateByMs: 2 * HOUR })]);
  });

  it('leaving the step cancels its timer in the same transaction; nothing fires later', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    const started = await duban.engine.start('notes', {}, 'alice');
    await duban.engine.send(started.id, { type: 'CLOSE' }, 'alice');
    expect(await timerRows(started.id)).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    duban.manualClock.advance(10 * HOUR);
    expect(await duban.timers.fireDue()).toEqual({ fired: 0, late: 0, void: 0 });
  });

  it('two firing loops at once claim each timer exactly once', async () => {
    duban = await startTestDuban(dialect, { extraPlugins: [notesCandidate] });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await duban.engine.start('notes', {}, 'alice')).id);
    duban.manualClock.advance(2 * HOUR);
    // Two processes on PostgreSQL; on SQLite one engine (see test/runtime/revisionConflict).
    if (dialect === 'postgres') {
      second = await createDuban({ db: duban.database.target, clock: duban.manualClock, plugins: [...builtinPlugins, notesCandidate] });
    }
    const passes = await Promise.all([duban.timers.fireDue(3), (second ?? duban).timers.fireDue(3)]);
    expect(passes[0].fired + passes[1].fired).toBe(ids.length);
    for (const id of ids) {
      expect(await breachData(id)).toHaveLength(1);
      expect((await duban.engine.get(id)).revision).toBe(2);
    }
  });
});
