import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { createDuban, ManualClock } from '../../core/index.js';
import { builtinPlugins } from '../../plugins/index.js';
import { CLI_TEST_TIMEOUT, cliEnv, DUBAN_BIN, REPO_ROOT, runDuban, type CliOptions } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { importTestOrg } from '../support/testDuban.js';

const T0 = '2026-03-02T01:00:00.000Z';
// After the spot check's two-hour SLA (03:00Z) and the reminder due at 10:00 Shanghai (02:00Z).
const LATER = '2026-03-02T03:30:00.000Z';
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/**
 * `duban serve --once` on a database where, at {@link LATER}, a spot check's SLA timer is
 * due (its breach notifies the office) and a reminder schedule is due (a notification to
 * alice): both notifications run within the pass, most of them right after the commit
 * that wrote them, before the pass looks for due outbox rows.
 */
describe('serve logs', () => {
  let database: TestDatabase;
  afterEach(async () => database?.drop());

  const seed = async (): Promise<CliOptions> => {
    database = await createTestDatabase('sqlite');
    const duban = await createDuban({ db: database.target, clock: new ManualClock(T0), plugins: builtinPlugins });
    try {
      await importTestOrg(duban);
      await duban.engine.start('spot-check', { department: 'CT', candidates: ['p1', 'p2'], count: 1 }, 'alice');
      const message = { 'zh-CN': '交班', en: 'Handover' };
      await duban.schedules.add({ id: 'handover', name: message, cron: '0 10 * * *', timeZone: 'Asia/Shanghai', action: { kind: 'remind', to: { person: 'alice' }, message, channels: ['inbox'] } }, 'office1');
    } finally {
      await duban.close();
    }
    return { db: database.target, now: LATER };
  };

  it('not on a terminal: every stderr line is pino JSON (ISO time, level name, pid, hostname), and the pass counts what it delivered', async () => {
    const cli = await seed();
    const result = await runDuban(['serve', '--once', '--json'], cli);
    expect(result.code, result.stderr).toBe(0);
    const pass = JSON.parse(result.stdout);
    expect(pass).toMatchObject({ schedules: 1, timers: 1, outboxFailed: 0, notifications: 2 });
    expect(pass.outboxDone).toBeGreaterThanOrEqual(2);
    expect(pass.outbox).toBe(pass.outboxDone);

    const lines = result.stderr.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const record of records) {
      expect(record.time).toMatch(ISO_UTC);
      expect(LEVELS).toContain(record.level);
      expect(record.pid).toEqual(expect.any(Number));
      expect(record.hostname).toBe(hostname());
    }
    const summary = records.filter((r) => r.code === 'SERVE_PASS');
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ level: 'info', ...pass });
    expect(summary[0]!.msg).toMatch(/1 timer\(s\) fired, [2-9]\d* outbox row\(s\) done, 0 failed, 2 notification\(s\) sent/);
  }, CLI_TEST_TIMEOUT);

  it('on a terminal: one readable line per record, no JSON; the summary says what was delivered', async () => {
    const cli = await seed();
    // `script` gives the process a pseudo-terminal for stdout and stderr alike.
    const child = spawn('script', ['-q', '-e', '-c', `${process.execPath} ${DUBAN_BIN} serve --once`, '/dev/null'], { cwd: REPO_ROOT, env: cliEnv(cli), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code, output).toBe(0);

    const lines = output.split(/\r?\n/).filter((l) => l !== '');
    expect(lines.filter((l) => l.startsWith('{'))).toEqual([]);
    const logLines = lines.filter((l) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} (DEBUG|INFO |WARN |ERROR) /.test(l));
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines).toContainEqual(expect.stringMatching(/ INFO {2}pass: 1 schedule occurrence\(s\) run, 1 timer\(s\) fired, [2-9]\d* outbox row\(s\) done, 0 failed, 2 notification\(s\) sent code=SERVE_PASS /));
    // The command's own result, on stdout, counts the same rows.
    expect(lines).toContainEqual(expect.stringMatching(/^Processed 1 timer \(1 late\) and [2-9]\d* outbox rows \(0 failed\); 2 notifications sent\.$/));
    // Every line is a log line or one of the command's two result lines.
    expect(lines.length).toBe(logLines.length + 2);
  }, CLI_TEST_TIMEOUT);
});
