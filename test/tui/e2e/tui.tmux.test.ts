import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuban, ManualClock, type FindingDetail, type FindingSummary } from '../../../core/index.js';
import { builtinPlugins } from '../../../plugins/index.js';
import { seedFixtureDatabase } from '../../../bench/seed/seedFixtureDatabase.js';
import { startTmux, type TmuxSession } from '../support/tmuxSession.js';

const BIN = fileURLToPath(new URL('../../../bin/duban.js', import.meta.url));
const NOW = '2026-03-02T01:00:00.000Z';
let dir: string;
let db: string;
let tmux: TmuxSession | undefined;
let department: string;
let list: FindingSummary[];
let toEscalate: FindingSummary;
let toClose: FindingSummary;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-tui-e2e-'));
  db = join(dir, 'hospital.db');
  await seedFixtureDatabase(db, { count: 42, seed: 5, now: new Date(NOW), spanDays: 20 });
  const duban = await createDuban({ db, clock: new ManualClock(NOW), plugins: builtinPlugins });
  try {
    // A department with a finding to escalate (open, below the top level) and one awaiting verification.
    for (const candidate of ['CT', 'US', 'BUS', 'XR', 'TBLAB', 'IM', 'SUR', 'OBG', 'PED', 'ORT', 'ER', 'NUR', 'PHA', 'LOG']) {
      const rows = await duban.findingQueries.list({ department: candidate });
      const open = rows.find((f) => f.status === 'open' && f.level < 3);
      const awaiting = rows.find((f) => f.status === 'awaiting_verification');
      if (open && awaiting) {
        [department, list, toEscalate, toClose] = [candidate, rows, open, awaiting];
        break;
      }
    }
  } finally {
    await duban.close();
  }
  expect(department).toBeDefined();
});
afterAll(() => {
  tmux?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** `duban findings show <id> --json`, the way a user would check. */
function show(id: string): FindingDetail {
  return JSON.parse(execFileSync(process.execPath, [BIN, '--db', db, 'findings', 'show', id, '--json'], { encoding: 'utf8', env: { ...process.env, DUBAN_NOW: NOW } })) as FindingDetail;
}

describe('duban tui in a real terminal (tmux)', () => {
  it('filters to a department, escalates one finding with a reason, closes another with a note, switches language, quits', async () => {
    // CI=false: with CI set, Ink prints only the last frame (STACK.md pitfall 13).
    tmux = startTmux([process.execPath, BIN, '--db', db, '--as', 'office1', 'tui'], { CI: 'false', TERM: 'xterm-256color', LANG: 'en_US.UTF-8', DUBAN_LANG: '', DUBAN_NOW: NOW });
    const first = await tmux.waitFor(/1 of \d+/.test.bind(/1 of \d+/));
    // The frame starts at the top of the screen: the screen tabs, then the filter tabs.
    expect(first.split('\n').slice(0, 2)).toEqual([expect.stringMatching(/^duban · supervision console/), expect.stringMatching(/^\[My queue (\d+|…)\]/)]);

    tmux.keys('/', 'C-u');
    tmux.type(`dept:${department}`);
    tmux.keys('Enter');
    await tmux.waitFor(`[Filter: dept:${department} ${list.length}]`);
    await tmux.waitFor(`1 of ${list.length}`);

    tmux.keys('g');
    for (let i = 0; i < list.indexOf(toEscalate); i++) tmux.keys('j');
    tmux.keys('Enter');
    await tmux.waitFor(toEscalate.id);
    tmux.keys('e');
    await tmux.waitFor('Reason for escalating:');
    tmux.type('e2e：二次督查仍未整改');
    tmux.keys('Enter');
    await tmux.waitFor('Escalate 1 finding? [y/N]');
    tmux.keys('y');
    await tmux.waitFor('escalated: 1 finding');

    tmux.keys('Escape');
    await tmux.waitFor('j/k move');
    tmux.keys('g');
    for (let i = 0; i < list.indexOf(toClose); i++) tmux.keys('j');
    await tmux.waitFor(toClose.id);
    tmux.keys('c');
    await tmux.waitFor('Verification note:');
    tmux.type('e2e 复查合格');
    tmux.keys('Enter');
    await tmux.waitFor('closed: 1 finding');

    tmux.keys('L');
    const zh = await tmux.waitFor('语言：中文');
    expect(zh).toContain('督办台');
    expect(zh).toContain(`[筛选: dept:${department}`);

    tmux.keys('q');
    await tmux.waitFor(() => tmux!.exited());

    const escalated = show(toEscalate.id);
    expect(escalated.level).toBe(toEscalate.level + 1);
    expect(escalated.escalations.at(-1)).toMatchObject({ reason: 'e2e：二次督查仍未整改', by: 'office1' });
    expect(escalated.timeline.at(-1)).toMatchObject({ event: 'ESCALATE', actor: 'office1' });
    const closed = show(toClose.id);
    expect(closed.status).toBe('closed');
    expect(closed.verification).toMatchObject({ note: 'e2e 复查合格', by: 'office1' });
  });
});
