import { afterEach, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, finished, runDuban, runDubanJson, spawnDuban, waitForStderr } from '../support/cli.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/dialects.js';
import { seedTestOrg } from '../support/testDuban.js';
import { openRawSql, type RawSql } from '../support/rawSql.js';

const T0 = '2026-03-02T01:00:00.000Z';
const HOUR = 3_600_000;
const INPUT = JSON.stringify({ department: 'CT', candidates: ['p1', 'p2', 'p3'], count: 1 });
const at = (iso: string, plusMs: number) => new Date(new Date(iso).getTime() + plusMs).toISOString();

interface TimerRow {
  id: string;
  instance_id: string;
  due_at: string;
  status: string;
  late: number | string;
  fired_at: string | null;
}

// Real processes: the compiled CLI is spawned, killed with SIGKILL and started again.
describe.each(DIALECTS)('crash recovery with real processes on %s', (dialect) => {
  let database: TestDatabase;
  let raw: RawSql | undefined;
  afterEach(async () => {
    await raw?.close();
    raw = undefined;
    await database?.drop();
  });

  it('keeps state and the pending timer across kill -9; the timer that fell due meanwhile fires late on serve --once', async () => {
    database = await createTestDatabase(dialect);
    await seedTestOrg(database.target);
    const cli = { db: database.target, now: T0 };

    // run: the draw activity runs after the start commits, so the instance waits in `inspecting`
    // with its 2-hour SLA timer armed.
    const a = await runDubanJson(['run', 'spot-check', '--input', INPUT, '--as', 'alice', '--json'], cli);
    expect(a.state).toBe('inspecting');
    const b = await runDubanJson(['run', 'spot-check', '--input', INPUT, '--as', 'alice', '--json'], cli);
    const sent = await runDubanJson(['send', b.id, 'SUBMIT', '--data', '{"passed":true}', '--as', 'bob', '--json'], cli);
    expect(sent).toMatchObject({ from: 'inspecting', to: 'passed', instance: { revision: 3, status: 'done' } });

    raw = await openRawSql(database.target);
    const [armed] = await raw.all<{ at: string }>(`select at from audit_log where instance_id = ? and event = 'task.done'`, [a.id]);
    const timersBefore = await raw.all<TimerRow>('select * from timers where instance_id = ?', [a.id]);
    expect(timersBefore).toHaveLength(1);
    const due = timersBefore[0]!.due_at;
    // The deadline is absolute: two hours after the event that entered the step.
    expect(due).toBe(at(armed!.at, 2 * HOUR));
    expect(timersBefore[0]!.status).toBe('pending');

    // A serve process, well before the deadline, killed without any chance to clean up.
    const serve = spawnDuban(['serve'], { db: database.target, now: at(T0, HOUR / 2) });
    const serveEnd = finished(serve);
    await waitForStderr(serve, /"code":"SERVE_STARTED"/);
    serve.kill('SIGKILL');
    const killed = await serveEnd;
    expect(killed.signal).toBe('SIGKILL');

    // Started again: the state and the very same timer row, with its original deadline.
    const shown = await runDubanJson(['instances', 'show', a.id, '--json'], { db: database.target, now: at(T0, HOUR) });
    expect(shown).toMatchObject({ state: 'inspecting', revision: 2, status: 'active' });
    expect(shown.timers).toEqual([{ id: timersBefore[0]!.id, key: 'inspecting.sla', event: 'timer.inspecting.sla', dueAt: due }]);
    expect(await raw.all('select state, revision from instances where id = ?', [b.id])).toEqual([{ state: 'passed', revision: 3 }]);
    // A pass before the deadline fires nothing and moves nothing.
    const early = await runDubanJson(['serve', '--once', '--json'], { db: database.target, now: at(due, -60_000) });
    expect(early).toMatchObject({ timers: 0, late: 0 });
    expect((await raw.all<TimerRow>('select * from timers where instance_id = ?', [a.id]))[0]).toMatchObject({ status: 'pending', due_at: due });

    // Nothing ran while the deadline passed: the next pass fires it, marked late.
    const later = at(due, HOUR);
    const pass = await runDubanJson(['serve', '--once', '--json'], { db: database.target, now: later });
    expect(pass).toMatchObject({ timers: 1, late: 1 });

    const [fired] = await raw.all<TimerRow>('select * from timers where instance_id = ?', [a.id]);
    expect(fired).toMatchObject({ id: timersBefore[0]!.id, status: 'fired', due_at: due });
    expect(Number(fired!.late)).toBe(1);
    expect(fired!.fired_at! >= later).toBe(true);
    const breach = await raw.all<{ data: string; state_before: string; state_after: string; actor: string }>(
      `select data, state_before, state_after, actor from audit_log where instance_id = ? and event = 'timer.inspecting.sla'`,
      [a.id],
    );
    expect(breach).toHaveLength(1);
    expect(breach[0]).toMatchObject({ state_before: 'inspecting', state_after: 'overdue', actor: 'system:timer' });
    const data = JSON.parse(breach[0]!.data) as { late: boolean; lateByMs: number };
    expect(data.late).toBe(true);
    expect(data.lateByMs).toBeGreaterThanOrEqual(HOUR);
    expect(await runDubanJson(['instances', 'show', a.id, '--json'], { db: database.target, now: later })).toMatchObject({
      state: 'overdue',
      revision: 3,
      timers: [],
    });

    const verified = await runDuban(['audit', 'verify'], { db: database.target, now: later });
    expect(verified.code).toBe(0);
  }, CLI_TEST_TIMEOUT);

  it('kill -9 while serve works through a backlog: every timer fires exactly once, never half', async () => {
    database = await createTestDatabase(dialect);
    const { startTestDuban } = await import('../support/testDuban.js');
    // The backlog is prepared in-process on the same database; the serve process is real.
    const setup = await startTestDuban(dialect, { database, start: T0 });
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      ids.push((await setup.engine.start('spot-check', { department: 'CT', candidates: ['p1', 'p2'], count: 1 }, 'alice')).id);
    }
    await setup.close();

    raw = await openRawSql(database.target);
    const now = at(T0, 3 * HOUR);
    const serve = spawnDuban(['serve'], { db: database.target, now });
    const serveEnd = finished(serve);
    // Kill as soon as the first timer has fired: the process is in the middle of the backlog.
    await expect.poll(async () => (await raw!.all(`select id from timers where status = 'fired' limit 1`)).length, { timeout: 120_000, interval: 5 }).toBe(1);
    serve.kill('SIGKILL');
    expect((await serveEnd).signal).toBe('SIGKILL');

    const consistent = async () => {
      const rows = await raw!.all<{ id: string; state: string; revision: number | string; timer: string; breaches: number | string }>(
        `select i.id, i.state, i.revision, t.status as timer,
           (select count(*) from audit_log l where l.instance_id = i.id and l.event = 'timer.inspecting.sla') as breaches
         from instances i join timers t on t.instance_id = i.id where i.chain_id = 'spot-check'`,
      );
      expect(rows).toHaveLength(ids.length);
      for (const row of rows) {
        // A fired timer, the step it moved to and its audit row were committed together, or none was.
        const firedOnce = row.timer === 'fired';
        expect({ id: row.id, state: row.state, revision: Number(row.revision), breaches: Number(row.breaches) }).toEqual(
          firedOnce
            ? { id: row.id, state: 'overdue', revision: 3, breaches: 1 }
            : { id: row.id, state: 'inspecting', revision: 2, breaches: 0 },
        );
      }
      return rows.filter((r) => r.timer === 'fired').length;
    };
    const firedAtKill = await consistent();
    expect(firedAtKill).toBeGreaterThanOrEqual(1);
    expect((await runDuban(['audit', 'verify'], { db: database.target, now })).code).toBe(0);

    // The next pass fires the rest, and none twice.
    const pass = await runDubanJson(['serve', '--once', '--json'], { db: database.target, now: at(now, 60_000) });
    expect(pass.timers).toBe(ids.length - firedAtKill);
    expect(await consistent()).toBe(ids.length);
    expect((await runDuban(['audit', 'verify'], { db: database.target, now })).code).toBe(0);
  }, CLI_TEST_TIMEOUT);
});
