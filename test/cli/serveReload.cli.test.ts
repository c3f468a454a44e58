import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, finished, runDuban, spawnDuban } from '../support/cli.js';

/** The JSON log lines a process has written to stderr so far. */
function logLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Resolves once `child`'s stderr satisfies `done`; rejects if it exits first. */
function stderrUntil(child: ChildProcess, seen: { text: string }, done: (text: string) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!done(seen.text)) return;
      child.stderr?.off('data', check);
      child.off('exit', onExit);
      resolve();
    };
    const onExit = (code: number | null) => reject(new Error(`serve exited (${code}):\n${seen.text}`));
    child.stderr?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

/** Resolves once `duban health` shows `child` as a running worker (its first pass is done). */
async function untilServing(child: ChildProcess, options: { db: string; cwd: string }): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited (${child.exitCode})`);
    const result = await runDuban(['health', '--json'], options);
    const workers = (JSON.parse(result.stdout) as { workers?: { pid: number; state: string }[] }).workers ?? [];
    if (workers.some((w) => w.pid === child.pid && w.state === 'running')) return;
  }
}

describe('duban serve on SIGHUP', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
    child = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    're-reads its config and applies it, and keeps running on a broken one',
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'duban-reload-'));
      const config = join(dir, 'duban.config.yaml');
      const db = join(dir, 'duban.db');
      expect((await runDuban(['init'], { db, cwd: dir })).code).toBe(0);
      // At level error, the info line a reload writes is not shown.
      writeFileSync(config, 'logLevel: error\npollIntervalMs: 1000\n');
      child = spawnDuban(['serve'], { db, cwd: dir });
      const seen = { text: '' };
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (seen.text += chunk));
      const ended = finished(child);
      // At level error serve logs nothing as it starts: it is ready (SIGHUP handled) once its
      // first pass has left a heartbeat.
      await untilServing(child, { db, cwd: dir });

      // The new level is applied before the reload is logged: the line shows only because it took effect.
      const good = 'logLevel: info\npollIntervalMs: 200\ntimeZone: Asia/Urumqi\n';
      writeFileSync(config, good);
      child.kill('SIGHUP');
      await stderrUntil(child, seen, (text) => logLines(text).some((line) => line.code === 'CONFIG_RELOADED'));
      expect(logLines(seen.text).find((line) => line.code === 'CONFIG_RELOADED')).toMatchObject({
        applied: ['logLevel', 'pollIntervalMs'],
        restartNeeded: ['timeZone'],
        files: [config],
      });

      // A broken file is reported with the file and field, and the running config stays.
      writeFileSync(config, 'logLevel: info\npollIntervalMs: 1\n');
      child.kill('SIGHUP');
      await stderrUntil(child, seen, (text) => logLines(text).some((line) => line.code === 'CONFIG_INVALID'));
      expect(String(logLines(seen.text).find((line) => line.code === 'CONFIG_INVALID')?.err)).toContain(`${config}: pollIntervalMs`);

      // The config kept is the last good one: reloading that same file again changes nothing.
      writeFileSync(config, good);
      child.kill('SIGHUP');
      await stderrUntil(child, seen, (text) => logLines(text).filter((line) => line.code === 'CONFIG_RELOADED').length === 2);
      expect(logLines(seen.text).filter((line) => line.code === 'CONFIG_RELOADED')[1]).toMatchObject({ applied: [], restartNeeded: [] });

      child.kill('SIGTERM');
      const result = await ended;
      expect(result.code).toBe(0);
    },
    CLI_TEST_TIMEOUT,
  );
});
