import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFixtureDatabase } from '../../../bench/seed/seedFixtureDatabase.js';
import { startTmux, type TmuxSession } from '../support/tmuxSession.js';

const BIN = fileURLToPath(new URL('../../../bin/duban.js', import.meta.url));
const NOW = '2026-03-02T01:00:00.000Z';
let dir: string;
let db: string;
let tmux: TmuxSession | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-tui-cache-'));
  db = join(dir, 'hospital.db');
  await seedFixtureDatabase(db, { count: 12, seed: 3, now: new Date(NOW), spanDays: 10 });
});
afterAll(() => {
  tmux?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens `duban tui`, waits for its rows, quits with q and waits for the process to end. */
async function openAndQuit(cacheHome: string): Promise<void> {
  tmux = startTmux([process.execPath, BIN, 'tui', '--db', db, '--as', 'office1'], { CI: 'false', TERM: 'xterm-256color', LANG: 'en_US.UTF-8', DUBAN_LANG: '', DUBAN_NOW: NOW, XDG_CACHE_HOME: cacheHome }, 120, 40);
  await tmux.waitFor('j/k move');
  tmux.keys('q');
  const deadline = Date.now() + 10_000;
  while (!tmux.exited() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(tmux.exited()).toBe(true);
  tmux.kill();
  tmux = undefined;
}

function consoleEntries(cacheHome: string): { name: string; mtimeMs: number; size: number }[] {
  const folder = join(cacheHome, 'duban', 'v8');
  return readdirSync(folder)
    .filter((name) => name.endsWith('-tui.bin'))
    .map((name) => ({ name, ...statSync(join(folder, name)) }))
    .map(({ name, mtimeMs, size }) => ({ name, mtimeMs, size }));
}

describe('the console’s compiled code', () => {
  it('is saved when the console is quit, and the next start uses it rather than compiling again', async () => {
    const cacheHome = join(dir, 'cache');
    await openAndQuit(cacheHome);
    const saved = consoleEntries(cacheHome);
    expect(saved).toHaveLength(1);
    // The console changes a V8 flag while it runs; an entry stamped with it would be
    // refused by the next start, compiled again and written again.
    await openAndQuit(cacheHome);
    expect(consoleEntries(cacheHome)).toEqual(saved);
  });
});
