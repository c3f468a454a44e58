import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFixtureDatabase } from '../../../bench/seed/seedFixtureDatabase.js';

const BIN = fileURLToPath(new URL('../../../bin/duban.js', import.meta.url));
let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-tui-cli-'));
  db = join(dir, 'hospital.db');
  await seedFixtureDatabase(db, { count: 12, seed: 3, now: new Date('2026-03-02T01:00:00Z'), spanDays: 10 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI with stdin and stdout as pipes (not terminals). */
function duban(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: '',
    env: { ...process.env, DUBAN_NOW: '2026-03-02T01:00:00Z', LANG: 'en_US.UTF-8', DUBAN_LANG: '', ...env },
  });
}

describe('duban tui', () => {
  it('prints a summary by department and a hint when not on a terminal, and exits 0', () => {
    const result = duban(['--db', db, 'tui']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('duban findings');
    expect(result.stdout).toMatch(/department\s+open\s+overdue\s+awaiting verification/);
    expect(result.stdout).toMatch(/all departments\s+\d+\s+\d+\s+\d+/);
    expect(result.stdout).toContain('needs a terminal');
    expect(result.stderr).toBe('');
  });

  it('says it in Chinese with --lang zh-CN', () => {
    const result = duban(['--db', db, '--lang', 'zh-CN', 'tui']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('全部科室');
    expect(result.stdout).toContain('督办台需要终端');
  });

  it('lists its options in help', () => {
    const result = duban(['tui', '--help']);
    expect(result.status).toBe(0);
    for (const option of ['--ascii', '--no-color', '--filter <query>', '--demo']) expect(result.stdout).toContain(option);
  });
});
