import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDuban, ManualClock, type FindingDetail } from '../../../core/index.js';
import { builtinPlugins } from '../../../plugins/index.js';
import { seedFixtureDatabase } from '../../../bench/seed/seedFixtureDatabase.js';
import { startTmux, type TmuxSession } from '../support/tmuxSession.js';

const BIN = fileURLToPath(new URL('../../../bin/duban.js', import.meta.url));
const NOW = '2026-03-02T01:00:00.000Z';
let dir: string;
let db: string;
let id: string;
let tmux: TmuxSession | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duban-tui-head-'));
  db = join(dir, 'hospital.db');
  await seedFixtureDatabase(db, { count: 20, seed: 3, now: new Date(NOW), spanDays: 10 });
  const duban = await createDuban({ db, clock: new ManualClock(NOW), plugins: builtinPlugins });
  try {
    id = await duban.findings.open({ department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'duty.absent', severity: 'major', title: '夜班脱岗', titleEn: 'Left the night post' }, 'office1');
  } finally {
    await duban.close();
  }
  writeFileSync(join(dir, 'roster.txt'), '夜班排班表（已整改）\n');
});
afterEach(() => {
  tmux?.kill();
  tmux = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `duban findings show <id> --json`, the way a user would check. */
function show(): FindingDetail {
  return JSON.parse(execFileSync(process.execPath, [BIN, '--db', db, 'findings', 'show', id, '--json'], { encoding: 'utf8', env: { ...process.env, DUBAN_NOW: NOW } })) as FindingDetail;
}

/** Opens the Chinese console as `person` on the finding (its id as the filter). */
async function consoleAs(person: string): Promise<TmuxSession> {
  tmux?.kill();
  // CI=false: with CI set, Ink prints only the last frame (STACK.md pitfall 13).
  tmux = startTmux([process.execPath, BIN, '--db', db, '--as', person, 'tui'], { CI: 'false', TERM: 'xterm-256color', LANG: 'en_US.UTF-8', DUBAN_LANG: 'zh-CN', DUBAN_NOW: NOW }, 160, 45);
  // Counted: the console is up and reading keys.
  await tmux.waitFor((s) => /\[我的待办 \d+\]/.test(s));
  tmux.keys('/');
  await tmux.waitFor('筛选:');
  tmux.keys('C-u');
  tmux.type(id);
  tmux.keys('Enter');
  await tmux.waitFor(`[筛选: ${id} 1]`);
  await tmux.waitFor('第 1 / 1 项');
  return tmux;
}

/** Takes an action that asks y/N and waits for its result line. */
async function confirm(t: TmuxSession, question: string, result: string): Promise<void> {
  await t.waitFor(question);
  t.keys('y');
  await t.waitFor(result);
}

/** Plans one action: text, owner (picked by id), due date, kind as offered. */
async function plan(t: TmuxSession, text: string, owner: string, due: string): Promise<void> {
  t.keys('p');
  await t.waitFor('整改措施:');
  t.type(text);
  t.keys('Enter');
  await t.waitFor('措施责任人');
  t.type(owner);
  await t.waitFor(owner);
  t.keys('Enter');
  await t.waitFor('完成期限（YYYY-MM-DD）:');
  t.type(due);
  t.keys('Enter');
  await t.waitFor('措施类型 (corrective 纠正措施 / preventive 预防措施)');
  t.keys('Enter');
  await t.waitFor('已制定措施：1 项问题');
}

describe('a department head’s day in the Chinese console (tmux)', () => {
  it('acknowledges, plans, the owner marks done, submits, the office rejects, the head resubmits, the office closes', async () => {
    let t = await consoleAs('head_ct');
    t.keys('A');
    await confirm(t, '确认 1 项问题？[y/N]', '已确认：1 项问题');
    expect(show().status).toBe('acknowledged');

    await plan(t, '夜班巡查表', 'tech1', '2026-03-10');
    await plan(t, '排班制度培训', 'head_ct', '2026-03-12');
    let finding = show();
    expect(finding.status).toBe('action_planned');
    expect(finding.actions).toMatchObject([
      { id: 'a1', text: '夜班巡查表', owner: 'tech1', due: '2026-03-10', kind: 'corrective', status: 'open' },
      { id: 'a2', text: '排班制度培训', owner: 'head_ct', due: '2026-03-12', kind: 'corrective', status: 'open' },
    ]);

    // The owner of a1, no head, marks his own action done in his own console.
    t = await consoleAs('tech1');
    t.keys('d');
    await t.waitFor('完成的措施（编号：a1 夜班巡查表, a2 排班制度培训）:');
    t.keys('Enter');
    await confirm(t, '完成措施： 1 项问题？[y/N]', '措施已完成：1 项问题');
    expect(show().actions[0]).toMatchObject({ id: 'a1', status: 'done', doneBy: 'tech1' });

    // The head completes his own action, adds evidence and submits.
    t = await consoleAs('head_ct');
    t.keys('d');
    await t.waitFor('完成的措施（编号：a2 排班制度培训）:');
    t.keys('Enter');
    await confirm(t, '完成措施： 1 项问题？[y/N]', '措施已完成：1 项问题');
    t.keys('f');
    await t.waitFor('证据文件路径:');
    t.type(join(dir, 'roster.txt'));
    t.keys('Enter');
    await t.waitFor('已添加证据：1 项问题');
    t.keys('s');
    await confirm(t, '提交验证 1 项问题？[y/N]', '已提交验证：1 项问题');
    finding = show();
    expect(finding.status).toBe('awaiting_verification');
    expect(finding.evidence).toMatchObject([{ path: join(dir, 'roster.txt'), by: 'head_ct' }]);

    // The office, in its own seat, rejects with a reason.
    t = await consoleAs('office1');
    t.keys('x');
    await t.waitFor('退回原因:');
    t.type('巡查表缺少签字');
    t.keys('Enter');
    await t.waitFor('已退回：1 项问题');
    finding = show();
    expect(finding.status).toBe('action_planned');
    expect(finding.notes.at(-1)).toMatchObject({ text: '巡查表缺少签字', by: 'office1' });

    // The head completes (a note of what he did) and resubmits.
    t = await consoleAs('head_ct');
    t.keys('n');
    await t.waitFor('备注:');
    t.type('已补签字');
    t.keys('Enter');
    await t.waitFor('已备注：1 项问题');
    t.keys('s');
    await confirm(t, '提交验证 1 项问题？[y/N]', '已提交验证：1 项问题');
    expect(show().status).toBe('awaiting_verification');

    // The office closes with its verification note.
    t = await consoleAs('office1');
    t.keys('c');
    await t.waitFor('验证意见:');
    t.type('复查合格');
    t.keys('Enter');
    await t.waitFor('已销号：1 项问题');
    finding = show();
    expect(finding.status).toBe('closed');
    expect(finding.verification).toMatchObject({ note: '复查合格', by: 'office1' });
  }, 180_000);
});
