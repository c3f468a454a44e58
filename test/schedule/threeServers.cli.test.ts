import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuban, openStore, verifyAudit, type Store } from '../../core/index.js';
import { compileCron } from '../../core/schedule/cronClock.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { assertBuilt, cliEnv, emptyWorkdir, runCli, startCli, stopProcess } from './runCli.js';
import { startScheduleDuban } from './scheduleDuban.js';

const EVERY_SECOND = '* * * * * *';
const FAST_SCHEDULES = 8;
const RUNS_PER_FAST_SCHEDULE = 5;
const BACKLOG_HOURS = 30;

/**
 * Three `duban serve` processes of the compiled CLI on one database: every occurrence
 * fires exactly once. Eight every-second schedules keep them racing, and an hourly one
 * with a backlog of thirty missed occurrences (policy `all`) is there for all three to
 * grab at start-up. Counted afterwards from the rows: runs, outbox rows, inbox messages,
 * audit rows; and each schedule's runs follow its cron with no gap.
 */
describe.each(DIALECTS)('three serve processes on one %s database', (dialect) => {
  let database: TestDatabase;
  const cwd = emptyWorkdir();

  beforeAll(async () => {
    assertBuilt();
    database = await createTestDatabase(dialect);
    // The servers load the built-in plugins: init makes their tables too.
    expect((await runCli(['init'], cliEnv(database.target), cwd)).code).toBe(0);
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('fire each occurrence exactly once', async () => {
    const setup = await startScheduleDuban(dialect, { database, plugins: false, start: new Date(Date.now() - BACKLOG_HOURS * 3_600_000).toISOString() });
    await setup.schedules.add(
      {
        id: 'backlog',
        name: { 'zh-CN': '积压', en: 'Backlog' },
        cron: '0 * * * *',
        missedPolicy: 'all',
        catchUpCap: 100,
        action: { kind: 'remind', to: { person: 'p-backlog' }, message: { 'zh-CN': '补发', en: 'Catch up' }, channels: ['inbox'] },
      },
      'office1',
    );
    setup.manualClock.set(new Date());
    for (let i = 0; i < FAST_SCHEDULES; i++) {
      await setup.schedules.add(
        {
          id: `fast-${i}`,
          name: { 'zh-CN': `每秒 ${i}`, en: `Every second ${i}` },
          cron: EVERY_SECOND,
          missedPolicy: 'all',
          catchUpCap: 500,
          action: { kind: 'remind', to: { person: `p-${i}` }, message: { 'zh-CN': '滴答', en: 'Tick' }, channels: ['inbox'] },
        },
        'office1',
      );
    }
    const firstOf = new Map((await setup.schedules.list()).map((s) => [s.id, s.nextAt!]));
    await setup.close();

    const servers = [0, 1, 2].map(() => startCli(['serve'], cliEnv(database.target), cwd));
    const store = await openStore(database.target);
    try {
      // Wait (no deadline of our own: the test timeout is the bound) until every fast
      // schedule fired a few times and all three processes claimed something.
      for (;;) {
        const perSchedule = await store.db
          .selectFrom('schedule_runs')
          .select(['schedule_id', (eb) => eb.fn.countAll().as('n')])
          .groupBy('schedule_id')
          .execute();
        const claimants = await store.db.selectFrom('schedule_runs').select('claimed_by').distinct().execute();
        const fastDone = perSchedule.filter((r) => r.schedule_id.startsWith('fast-') && Number(r.n) >= RUNS_PER_FAST_SCHEDULE).length;
        if (fastDone === FAST_SCHEDULES && claimants.length >= 3) break;
        for (const server of servers) if (server.exitCode !== null) throw new Error(`a serve process exited early: ${server.output()}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      const codes = await Promise.all(servers.map((s) => stopProcess(s)));
      expect(codes, servers.map((s) => s.output()).join('\n')).toEqual([0, 0, 0]);
      // A lost race is a quiet compare-and-set, never a failed pass (a duplicate key, say).
      for (const server of servers) expect(server.output()).not.toContain('pass failed');
      await store.close();
    }

    // Deliver what the last passes left in the outbox, without firing schedules again.
    const after = await createDuban({ db: database.target });
    try {
      await after.outbox.runDue();
      await checkExactlyOnce(after.store, firstOf);
      expect((await verifyAudit(after.store.db)).ok).toBe(true);
    } finally {
      await after.close();
    }
  }, 300_000);
});

async function checkExactlyOnce(store: Store, firstOf: Map<string, string>): Promise<void> {
  const runs = await store.db.selectFrom('schedule_runs').selectAll().orderBy('schedule_id').orderBy('scheduled_at').execute();
  const claimants = new Set(runs.map((r) => r.claimed_by));
  expect(claimants.size).toBe(3);

  for (const [id, first] of firstOf) {
    const mine = runs.filter((r) => r.schedule_id === id);
    const cron = compileCron(id === 'backlog' ? '0 * * * *' : EVERY_SECOND, 'Asia/Shanghai');
    // No occurrence skipped, none twice: the runs are the cron's instants, in a row from the first.
    expect(mine[0]!.scheduled_at, id).toBe(first);
    for (let i = 1; i < mine.length; i++) {
      expect(mine[i]!.scheduled_at, `${id} run ${i}`).toBe(cron.next(new Date(mine[i - 1]!.scheduled_at))!.toISOString());
    }
    expect(mine.length, id).toBeGreaterThanOrEqual(id === 'backlog' ? BACKLOG_HOURS - 1 : RUNS_PER_FAST_SCHEDULE);
  }

  // One outbox row, one inbox message and one audit row per run; no more.
  const outbox = await store.db.selectFrom('outbox').select(['id', 'status']).where('kind', '=', 'notify').execute();
  expect(outbox).toHaveLength(runs.length);
  expect(new Set(runs.map((r) => r.outbox_id))).toEqual(new Set(outbox.map((o) => o.id)));
  expect(outbox.every((o) => o.status === 'done')).toBe(true);
  const inbox = await store.db.selectFrom('inbox').select(['outbox_id', 'person_id']).execute();
  expect(inbox).toHaveLength(runs.length);
  expect(new Set(inbox.map((m) => m.outbox_id)).size).toBe(runs.length);
  const fired = await store.db.selectFrom('audit_log').select('data').where('event', '=', 'schedule.fired').execute();
  expect(fired).toHaveLength(runs.length);
  expect(new Set(fired.map((f) => (JSON.parse(f.data) as { occurrence: string }).occurrence))).toEqual(new Set(runs.map((r) => r.id)));
}
