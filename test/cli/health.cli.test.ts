import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { flakyPlugin } from '../fixtures/flaky/flakyPlugin.js';
import { CLI_TEST_TIMEOUT, finished, runDuban, spawnDuban, waitForStderr, type CliResult } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { startTestDuban } from '../support/testDuban.js';

interface Report {
  healthy: boolean;
  checks: { check: string; status: string; problem: string | null }[];
  workers: { pid: number; state: string; passes: number }[] | null;
  incidents: { open: number } | null;
}

const BROKEN_PLUGINS = fileURLToPath(new URL('../fixtures/broken-plugins/', import.meta.url));
const parse = (result: CliResult): Report => JSON.parse(result.stdout) as Report;
/** The checks that are not ok, as `check:status:problem`. */
const notOk = (report: Report) => report.checks.filter((c) => c.status !== 'ok').map((c) => `${c.check}:${c.status}:${c.problem}`);

describe('duban health', () => {
  let database: TestDatabase;
  afterEach(async () => database?.drop());

  it('on a fresh database: healthy (exit 0) with warnings for no worker yet, no anchor and a declared identity; in both languages', async () => {
    database = await createTestDatabase('sqlite');
    expect((await runDuban(['init'], { db: database.target })).code).toBe(0);
    const json = await runDuban(['health', '--json'], { db: database.target });
    expect(json.code).toBe(0);
    const report = parse(json);
    expect(report.healthy).toBe(true);
    expect(notOk(report)).toEqual(['workers:warning:noWorkerYet', 'auditAnchor:warning:noAnchor', 'identity:warning:identityDeclared']);

    const en = await runDuban(['health'], { db: database.target });
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/^✓ Database reachable: /m);
    expect(en.stdout).toMatch(/^⚠ No serve worker has run on this database yet$/m);
    expect(en.stdout).toMatch(/^⚠ Identity only declared/m);
    expect(en.stdout.trimEnd().split('\n').at(-1)).toBe('Healthy.');
    const zh = await runDuban(['health', '--lang', 'zh-CN'], { db: database.target, env: { DUBAN_LANG: 'zh-CN' } });
    expect(zh.stdout).toMatch(/^⚠ 尚无 serve 进程在此数据库上运行过$/m);
    expect(zh.stdout.trimEnd().split('\n').at(-1)).toBe('健康。');

    // A disabled plugin is a warning too, its reason listed.
    const broken = await runDuban(['health', '--json'], { db: database.target, cwd: BROKEN_PLUGINS });
    expect(broken.code).toBe(0);
    expect(notOk(parse(broken))).toContain('plugins:warning:pluginDisabled');
    const brokenText = await runDuban(['health'], { db: database.target, cwd: BROKEN_PLUGINS });
    expect(brokenText.stdout).toMatch(/^⚠ Plugin disabled: \.\/register-throws\.js: PLUGIN_\w+: /m);
  }, CLI_TEST_TIMEOUT);

  it('healthy while serve runs; unhealthy (exit 1) when its heartbeat is older than the threshold; a stopped serve only warns', async () => {
    database = await createTestDatabase('sqlite');
    expect((await runDuban(['init'], { db: database.target })).code).toBe(0);
    const serve = spawnDuban(['serve'], { db: database.target });
    const ended = finished(serve);
    try {
      await waitForStderr(serve, /"code":"SERVE_STARTED"/);
      let report: Report;
      // Until the first pass has written its heartbeat.
      for (;;) {
        const result = await runDuban(['health', '--json'], { db: database.target });
        report = parse(result);
        if (report.workers!.some((w) => w.pid === serve.pid)) {
          expect(result.code).toBe(0);
          break;
        }
      }
      expect(report.healthy).toBe(true);
      expect(report.workers).toEqual([expect.objectContaining({ pid: serve.pid, state: 'running' })]);
      // serve's first pass anchored the audit log.
      expect(notOk(report)).toEqual(['identity:warning:identityDeclared']);

      // Seen ten minutes on, the running worker has been silent for longer than the default 60 s.
      const later = new Date(Date.now() + 10 * 60_000).toISOString();
      const silent = await runDuban(['health', '--json'], { db: database.target, now: later });
      expect(silent.code).toBe(1);
      expect(parse(silent).healthy).toBe(false);
      expect(notOk(parse(silent))).toContain('workers:fail:workerSilent');
      const text = await runDuban(['health'], { db: database.target, now: later });
      expect(text.code).toBe(1);
      expect(text.stdout).toMatch(new RegExp(`^✗ Serve worker silent for \\d+ min: \\S+ pid ${serve.pid}, last pass .* \\(more than 60 s\\)$`, 'm'));
      expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('Unhealthy: 1 check failed.');
    } finally {
      serve.kill('SIGTERM');
      await ended;
    }
    const stopped = await runDuban(['health', '--json'], { db: database.target, now: new Date(Date.now() + 10 * 60_000).toISOString() });
    expect(stopped.code).toBe(0);
    expect(parse(stopped).workers).toEqual([expect.objectContaining({ pid: serve.pid, state: 'stopped' })]);
    expect(notOk(parse(stopped))).toContain('workers:warning:noWorkerRunning');
  }, CLI_TEST_TIMEOUT);

  it('unhealthy (exit 1) with an open incident', async () => {
    const flaky = flakyPlugin();
    const duban = await startTestDuban('sqlite', { extraPlugins: [flaky.candidate] });
    database = duban.database;
    await duban.engine.start('flaky', {}, 'alice');
    // Every retry fails until the last one opens an incident.
    while ((await duban.incidents.openSummary()).open === 0) {
      duban.manualClock.advance(3_600_000);
      await duban.outbox.runDue();
    }
    const now = duban.clock.now().toISOString();
    await duban.close();

    const result = await runDuban(['health', '--json'], { db: database.target, now });
    expect(result.code).toBe(1);
    expect(parse(result)).toMatchObject({ healthy: false, incidents: { open: 1 } });
    expect(notOk(parse(result))).toContain('incidents:fail:incidentsOpen');
    const text = await runDuban(['health'], { db: database.target, now });
    expect(text.stdout).toMatch(/^✗ 1 open incident, since .*: duban incidents list$/m);
  }, CLI_TEST_TIMEOUT);

  it('a database that cannot be opened is the database check failing (exit 1), password hidden, not a crash', async () => {
    const result = await runDuban(['health', '--json'], { db: 'postgres://duban:secret@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('secret');
    expect(JSON.parse(result.stdout)).toMatchObject({
      healthy: false,
      checks: [{ check: 'database', status: 'fail', problem: 'databaseUnreachable' }],
      database: { target: 'postgres://duban:***@127.0.0.1:1/none', reachable: false, code: 'DB_OPEN_FAILED' },
    });
  }, CLI_TEST_TIMEOUT);
});
