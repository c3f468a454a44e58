import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDuban, isDubanError, ManualClock, type Duban } from '../../core/index.js';
import { verifySqliteFile } from '../../core/backup/verifySqliteFile.js';
import { runServeLoop } from '../../cli/serveLoop.js';
import type { Logger } from '../../core/runtime/Logger.js';
import { builtinPlugins } from '../../plugins/index.js';
import { notesCandidate } from '../fixtures/notes/notesPlugin.js';
import { CLI_TEST_TIMEOUT, cliEnv, DUBAN_BIN, finished, REPO_ROOT, runDuban, waitForStderr } from '../support/cli.js';

const HOUR = 3_600_000;

/** A logger that keeps each record as `level CODE message`, as serve's log would carry them. */
function recordingLogger(lines: string[]): Logger {
  const at = (level: string) => (obj: object, msg?: string) => void lines.push(`${level} ${(obj as { code?: string }).code ?? '-'} ${msg ?? ''}`);
  return { info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
}

describe('serve and its database file', () => {
  let dir: string;
  let duban: Duban | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await duban?.close();
    duban = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops with DB_GONE when the database folder is deleted under it, fires nothing more, and the next command says DB_NOT_FOUND', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-gone-'));
    const file = join(dir, 'data', 'duban.db');
    const clock = new ManualClock('2026-03-02T01:00:00.000Z');
    const lines: string[] = [];
    duban = await createDuban({ db: file, clock, plugins: [notesCandidate], settings: { pollIntervalMs: 20 }, logger: recordingLogger(lines) });
    await duban.engine.start('notes', {}, 'alice');
    const loop = runServeLoop(duban);
    const outcome = loop.then(
      () => 'stopped without an error',
      (error: unknown) => error,
    );

    // A pass begun before the deletion ends on the open handle: wait until the first is done.
    const nextDue = vi.spyOn(duban.timers, 'nextDue');
    await vi.waitFor(() => expect(nextDue).toHaveBeenCalled());
    rmSync(join(dir, 'data'), { recursive: true, force: true });
    // The notes step's one-hour SLA is now due: a pass on the deleted file would fire it.
    clock.advance(2 * HOUR);
    const error = await outcome;
    expect(isDubanError(error, 'DB_GONE'), String(error)).toBe(true);
    expect((error as Error).message).toContain(`${file} is gone`);
    // No pass failed or fired a timer (the first one anchors the audit log, nothing more).
    expect(lines.filter((l) => /^(error|warn)/.test(l) || /[1-9]\d* timer\(s\) fired/.test(l))).toEqual([]);
    // The still-open handle reads the unlinked file: the timer was left as it was.
    const timers = await duban.store.db.selectFrom('timers').select(['status', 'fired_at']).execute();
    expect(timers.map((t) => t.fired_at)).toEqual([null]);

    const next = await runDuban(['findings', 'list', '--db', file]);
    expect(next.code).toBe(1);
    expect(next.stderr).toContain(`DB_NOT_FOUND: no database at ${file}`);
    expect(existsSync(join(dir, 'data'))).toBe(false);
  }, CLI_TEST_TIMEOUT);

  it('a read-only database: serve logs one DB_READONLY line and backs off; the CLI says DB_READONLY with the path, no stack, exit 1', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-readonly-'));
    const data = join(dir, 'data');
    mkdirSync(data);
    const file = join(data, 'duban.db');
    const clock = new ManualClock('2026-03-02T01:00:00.000Z');
    // The built-in plugins too: the CLI loads them, and their tables must be there.
    duban = await createDuban({ db: file, clock, plugins: [...builtinPlugins, notesCandidate] });
    await duban.engine.start('notes', {}, 'alice');
    await duban.close();
    duban = undefined;
    // The file cannot be written; its folder can (SQLite may make its -shm and -wal there).
    // Root writes any file, so the processes run as nobody when the tests run as root.
    chmodSync(dir, 0o755);
    chmodSync(data, 0o777);
    chmodSync(file, 0o444);
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const env = cliEnv({ db: file, now: '2026-03-02T03:00:00.000Z', env: { XDG_DATA_HOME: join(dir, 'xdg'), XDG_CONFIG_HOME: join(dir, 'xdg') } });
    const node = (args: string[]) => spawn(process.execPath, [DUBAN_BIN, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], ...asUser });

    const serve = node(['serve']);
    const ended = finished(serve);
    await waitForStderr(serve, /DB_READONLY/);
    // Several back-off rounds (1 s, 2 s, ...) happen while it stays read-only.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    serve.kill('SIGTERM');
    const { stderr } = await ended;
    const readonlyLines = stderr.split('\n').filter((l) => l.includes('DB_READONLY'));
    expect(readonlyLines, stderr).toHaveLength(1);
    expect(readonlyLines[0]).toContain(file);
    expect(stderr).not.toContain('no transaction is active');
    expect(stderr).not.toContain('pass failed, will retry');

    const send = await finished(node(['run', 'notes', '--as', 'alice']));
    expect(send.code).toBe(1);
    expect(send.stderr).toMatch(new RegExp(`^duban: DB_READONLY: ${file}: the database \\(or its folder\\) cannot be written`));
    expect(send.stderr).not.toMatch(/\n\s+at /);
    expect(send.stderr).not.toContain('INTERNAL');
  }, CLI_TEST_TIMEOUT);

  it('--backup-dir: one verified backup per local calendar day as the clock moves, keeping the configured count', async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-daily-'));
    const backups = join(dir, 'backups');
    // 23:59 in Shanghai on 2 March.
    const clock = new ManualClock('2026-03-02T15:59:00.000Z');
    const lines: string[] = [];
    duban = await createDuban({ db: join(dir, 'duban.db'), clock, plugins: [notesCandidate], settings: { pollIntervalMs: 20, timeZone: 'Asia/Shanghai' }, logger: recordingLogger(lines) });
    await duban.engine.start('notes', {}, 'alice');
    const controller = new AbortController();
    const loop = runServeLoop(duban, controller.signal, { dailyBackup: { dir: backups, keep: 2, target: duban.store.target } });
    const daily = () => (existsSync(backups) ? readdirSync(backups).sort() : []);
    try {
      await vi.waitFor(() => expect(daily()).toEqual(['duban-2026-03-02.db']), { timeout: 30_000 });
      // Two minutes later it is 3 March there (still 2 March in UTC).
      clock.advance(2 * 60_000);
      await vi.waitFor(() => expect(daily()).toEqual(['duban-2026-03-02.db', 'duban-2026-03-03.db']), { timeout: 30_000 });
      await duban.engine.start('notes', {}, 'alice');
      clock.advance(24 * HOUR);
      await vi.waitFor(() => expect(daily()).toEqual(['duban-2026-03-03.db', 'duban-2026-03-04.db']), { timeout: 30_000 });
    } finally {
      controller.abort();
      await loop;
    }
    expect(await verifySqliteFile(join(backups, 'duban-2026-03-04.db'))).toEqual({ auditRows: expect.any(Number) });
    expect(lines.filter((l) => l.includes('daily backup written and verified'))).toHaveLength(3);
    expect(lines).toContain(`info BACKUP_PRUNED old daily backup removed: ${join(backups, 'duban-2026-03-02.db')}`);
  }, CLI_TEST_TIMEOUT);
});
