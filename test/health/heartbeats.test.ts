import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runServeLoop } from '../../cli/serveLoop.js';
import { createDuban, ManualClock, SystemClock, type Clock, type Duban } from '../../core/index.js';
import { readHealth } from '../../core/health/readHealth.js';
import { HEARTBEAT_KEEP_MS, type ServeWorker } from '../../core/health/Heartbeats.js';
import { builtinPlugins } from '../../plugins/index.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/dialects.js';

const T0 = '2026-03-02T01:00:00.000Z';
const MINUTE = 60_000;

describe.each(DIALECTS)('serve workers’ heartbeats, on %s', (dialect) => {
  let database: TestDatabase;
  const opened: Duban[] = [];
  afterEach(async () => {
    for (const d of opened.splice(0)) await d.close();
    await database?.drop();
  });
  // serve passes anchor the audit log: the key and the anchors go to a folder of the test's own.
  const anchorsDir = mkdtempSync(join(tmpdir(), 'duban-heartbeats-'));
  afterAll(() => rmSync(anchorsDir, { recursive: true, force: true }));
  const open = async (clock: Clock = new ManualClock(T0)) => {
    const audit = { keyFile: join(anchorsDir, 'key.pem'), anchorsFile: join(anchorsDir, `${dialect}.anchors.jsonl`) };
    const duban = await createDuban({ db: database.target, clock, plugins: builtinPlugins, audit });
    opened.push(duban);
    return duban;
  };
  const stateOf = async (duban: Duban, worker: ServeWorker) => (await readHealth(duban)).workers!.find((w) => w.workerId === worker.id)?.state;
  const workersCheck = async (duban: Duban) => (await readHealth(duban)).checks.find((c) => c.check === 'workers');

  it('a worker is running while it beats, silent (unhealthy) past the threshold, and neither once stopped or replaced', async () => {
    database = await createTestDatabase(dialect);
    const clock = new ManualClock(T0);
    const duban = await open(clock);
    expect(await workersCheck(duban)).toEqual({ check: 'workers', status: 'warning', problem: 'noWorkerYet' });

    const first = duban.heartbeats.worker();
    await duban.heartbeats.beat(first);
    clock.advance(5_000);
    await duban.heartbeats.beat(first);
    expect((await duban.heartbeats.list())[0]).toMatchObject({ workerId: first.id, host: hostname(), pid: process.pid, passes: 2, startedAt: T0, lastPassAt: '2026-03-02T01:00:05.000Z', stoppedAt: null });
    expect(await stateOf(duban, first)).toBe('running');

    // At the threshold it is still running; a millisecond past, silent, and the report unhealthy.
    clock.advance(duban.settings.workerSilentAfterMs);
    expect((await readHealth(duban)).healthy).toBe(true);
    clock.advance(1);
    expect(await stateOf(duban, first)).toBe('silent');
    expect(await workersCheck(duban)).toEqual({ check: 'workers', status: 'fail', problem: 'workerSilent' });
    expect((await readHealth(duban)).healthy).toBe(false);

    // A worker started on the same host after the silent one's last pass replaced it (a restart after a crash).
    const second = duban.heartbeats.worker();
    await duban.heartbeats.beat(second);
    expect(await stateOf(duban, first)).toBe('replaced');
    expect(await stateOf(duban, second)).toBe('running');
    expect((await readHealth(duban)).healthy).toBe(true);

    // Stopped, its row stays with its last pass, and warns that none runs rather than alarming.
    await duban.heartbeats.stop(second);
    clock.advance(10 * MINUTE);
    expect(await stateOf(duban, second)).toBe('stopped');
    expect(await workersCheck(duban)).toEqual({ check: 'workers', status: 'warning', problem: 'noWorkerRunning' });
  });

  it('`serve --once` runs share one row a host, stopped after each pass', async () => {
    database = await createTestDatabase(dialect);
    const clock = new ManualClock(T0);
    const duban = await open(clock);
    for (let run = 0; run < 3; run++) {
      await duban.heartbeats.beat(duban.heartbeats.worker({ once: true }));
      clock.advance(MINUTE);
    }
    expect(await duban.heartbeats.list()).toEqual([expect.objectContaining({ workerId: `${hostname()}:once`, passes: 3, lastPassAt: '2026-03-02T01:02:00.000Z', stoppedAt: '2026-03-02T01:02:00.000Z' })]);
    clock.advance(HEARTBEAT_KEEP_MS);
    expect(await workersCheck(duban)).toMatchObject({ status: 'warning', problem: 'noWorkerRunning' });
  });

  it('a new worker drops rows stopped or replaced more than a week ago, and keeps a silent one however old', async () => {
    database = await createTestDatabase(dialect);
    const clock = new ManualClock(T0);
    const duban = await open(clock);
    const stopped = duban.heartbeats.worker();
    await duban.heartbeats.beat(stopped);
    await duban.heartbeats.stop(stopped);
    const replaced = duban.heartbeats.worker();
    await duban.heartbeats.beat(replaced);
    const crashed = duban.heartbeats.worker();
    await duban.heartbeats.beat(crashed);
    // Silent on another host: nothing there took its place.
    await duban.store.db.updateTable('worker_heartbeats').set({ host: 'ward-server' }).where('worker_id', '=', crashed.id).execute();
    clock.advance(HEARTBEAT_KEEP_MS + 1);
    const fresh = duban.heartbeats.worker();
    await duban.heartbeats.beat(fresh);
    expect((await duban.heartbeats.list()).map((w) => w.workerId).sort()).toEqual([crashed.id, fresh.id].sort());
    expect(await stateOf(duban, crashed)).toBe('silent');
  });

  it('two serve loops on one database each leave their row, kept after they stop', async () => {
    database = await createTestDatabase(dialect);
    const a = await open(new SystemClock());
    const b = await open(new SystemClock());
    const stop = new AbortController();
    const loops = [runServeLoop(a, stop.signal), runServeLoop(b, stop.signal)];
    // Until both have done a few passes; each pass is one upsert of its own row.
    for (;;) {
      const rows = await a.heartbeats.list();
      if (rows.length === 2 && rows.every((r) => r.passes >= 2)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const running = await readHealth(a);
    expect(running.workers!.map((w) => w.state)).toEqual(['running', 'running']);
    expect(running.checks.find((c) => c.check === 'workers')).toMatchObject({ status: 'ok' });
    stop.abort();
    await Promise.all(loops);
    const rows = await b.heartbeats.list();
    expect(new Set(rows.map((r) => r.workerId)).size).toBe(2);
    for (const row of rows) expect(row).toMatchObject({ host: hostname(), pid: process.pid, stoppedAt: expect.any(String) });
    expect((await readHealth(b)).workers!.map((w) => w.state)).toEqual(['stopped', 'stopped']);
  });
});
