import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuban } from '../../../core/index.js';
import { builtinPlugins } from '../../../plugins/index.js';
import { KEYS, renderConsole, type RenderedConsole } from '../support/renderConsole.js';
import { openTuiFixture, type TuiFixture } from '../support/tuiFixture.js';

let fx: TuiFixture;
let consoles: RenderedConsole[] = [];
beforeAll(async () => {
  fx = await openTuiFixture(30);
});
afterAll(async () => {
  for (const c of consoles) c.unmount();
  await fx?.dispose();
});

/** Opens a console and remembers to close it. */
function open(options: Parameters<typeof renderConsole>[1] & { actor?: string } = {}): RenderedConsole {
  const c = renderConsole(fx.data(options.actor), options);
  consoles.push(c);
  return c;
}

/** A department with at least `n` findings in a status, and those findings in list order. */
async function departmentWith(status: 'open' | 'awaiting_verification', n: number): Promise<{ department: string; findings: Awaited<ReturnType<TuiFixture['duban']['findingQueries']['list']>> }> {
  const all = await fx.duban.findingQueries.list({ status });
  const counts = new Map<string, number>();
  for (const f of all) counts.set(f.department, (counts.get(f.department) ?? 0) + 1);
  const department = [...counts.entries()].find(([, c]) => c >= n)![0];
  return { department, findings: all.filter((f) => f.department === department) };
}

/** Filters the list to one query through `/`, replacing the tab's query. */
async function filterTo(c: RenderedConsole, query: string): Promise<void> {
  await c.press('/', KEYS.ctrlU);
  await c.type(query);
  await c.press(KEYS.enter);
}

/** Moves the cursor to the row of a finding in the current list (its position from the same query). */
async function cursorTo(c: RenderedConsole, index: number): Promise<void> {
  await c.press('g');
  for (let i = 0; i < index; i++) await c.press('j');
}

describe('the findings console', () => {
  it('filters to one department, in English or Chinese, and Esc brings the tabs back', async () => {
    const ct = await fx.duban.findingQueries.count({ department: 'CT' });
    const c = open({ columns: 100 });
    await c.waitFor('[My queue');
    await filterTo(c, 'dept:CT');
    await c.waitFor(`[Filter: dept:CT ${ct}]`);
    let frame = await c.waitFor(`1 of ${ct}`);
    const rows = frame.split('\n').filter((l) => /f-[0-9a-z]{14} /.test(l));
    expect(rows).toHaveLength(ct);
    for (const row of rows) expect(row).toMatch(/ CT /);
    await filterTo(c, '科室:CT 状态:待处理');
    const openCt = await fx.duban.findingQueries.count({ department: 'CT', status: 'open' });
    frame = await c.waitFor(`[Filter: 科室:CT 状态:待处理 ${openCt}]`);
    await c.press(KEYS.esc);
    frame = await c.waitFor((f) => !f.includes('Filter:'));
    expect(frame).toContain('[My queue');
  });

  it('refuses a bad filter term live, naming it, and keeps the prompt open', async () => {
    const c = open();
    await c.waitFor('[My queue');
    await c.press('/', KEYS.ctrlU);
    await c.type('dept:XR9 status:open');
    await c.waitFor('unknown department "XR9"');
    await c.press(KEYS.enter);
    expect(c.frame()).toContain('Filter: dept:XR9 status:open');
    await c.press(KEYS.esc);
    await c.waitFor('cancelled');
  });

  it('opens a finding alone on a narrow terminal; Esc goes back and never quits', async () => {
    const c = open({ columns: 70, rows: 24 });
    await c.waitFor('1 of');
    await c.press(KEYS.enter);
    let frame = await c.waitFor('Escalation level');
    expect(frame).not.toContain('status       severity');
    await c.press(KEYS.esc);
    frame = await c.waitFor('severity');
    for (let i = 0; i < 4; i++) await c.press(KEYS.esc);
    await c.press('L');
    await c.waitFor('督办台');
  });

  it('escalates the finding under the cursor with a reason, through core', async () => {
    const target = (await fx.duban.findingQueries.list({ department: 'US', status: 'open' }))[0]!;
    const list = await fx.duban.findingQueries.list({ department: 'US' });
    const c = open({ columns: 150 });
    await filterTo(c, 'dept:US');
    await c.waitFor('[Filter: dept:US');
    await cursorTo(c, list.findIndex((f) => f.id === target.id));
    await c.waitFor(target.id);
    await c.press('e');
    await c.waitFor('Reason for escalating:');
    await c.type('二次督查仍未整改 reason');
    await c.press(KEYS.enter);
    // An escalation cannot be taken back: it asks first, even for one finding.
    await c.waitFor('Escalate 1 finding? [y/N]');
    await c.press('y');
    await c.waitFor('escalated: 1 finding');
    const after = await fx.duban.findingQueries.get(target.id);
    expect(after.level).toBe(target.level + 1);
    expect(after.escalations.at(-1)).toMatchObject({ reason: '二次督查仍未整改 reason', by: 'office1' });
  });

  it('closes a finding awaiting verification with the verification note', async () => {
    const target = (await fx.duban.findingQueries.list({ status: 'awaiting_verification' }))[0]!;
    const c = open({ columns: 150 });
    await filterTo(c, `dept:${target.department} status:awaiting`);
    await c.waitFor(target.id);
    await c.press('c');
    await c.waitFor('Verification note:');
    await c.press(KEYS.enter);
    expect(c.frame()).toContain('Verification note:');
    await c.type('复查合格，已销号');
    await c.press(KEYS.enter);
    await c.waitFor('closed: 1 finding');
    const after = await fx.duban.findingQueries.get(target.id);
    expect(after.status).toBe('closed');
    expect(after.verification).toMatchObject({ note: '复查合格，已销号', by: 'office1' });
  });

  it('says an action is unavailable to the role, and offers a bulk action only on the marked findings that allow it', async () => {
    const c = open({ actor: 'head_ct', columns: 150 });
    await filterTo(c, 'dept:CT status:open');
    await c.waitFor('[Filter: dept:CT status:open');
    await c.waitFor('1 of');
    // Not offered: the head's hints and detail name only what he may do.
    await c.waitFor('A acknowledge');
    expect(c.frame()).not.toContain('e escalate');
    await c.press('e');
    await c.waitFor('escalate: unavailable · your role may not escalate this finding');
    expect(c.frame()).not.toContain('Reason for escalating');
    const before = await fx.duban.findingQueries.list({ department: 'CT', status: 'open' });
    await c.press('V');
    await c.waitFor(`${before.length} marked`);
    await c.press('e');
    await c.waitFor(`escalate: unavailable · none of the ${before.length} marked findings allows it`);
    expect(c.frame()).not.toContain('Reason for escalating');
    for (const f of before) expect((await fx.duban.findingQueries.get(f.id)).level).toBe(f.level);
  });

  it('closes in bulk only the marked findings that can be closed', async () => {
    const all = await fx.duban.findingQueries.list({ status: 'active' });
    const closable = all.filter((f) => f.status === 'awaiting_verification');
    const department = [...new Set(closable.map((f) => f.department))].find((d) => all.some((f) => f.department === d && f.status !== 'awaiting_verification'))!;
    const shown = all.filter((f) => f.department === department);
    const canClose = shown.filter((f) => f.status === 'awaiting_verification');
    const c = open({ columns: 150 });
    await filterTo(c, `dept:${department} status:active`);
    await c.waitFor(`1 of ${shown.length}`);
    await c.press('V');
    await c.waitFor(`${shown.length} marked`);
    await c.press('c');
    await c.waitFor('Verification note');
    await c.type('批量验证合格');
    await c.press(KEYS.enter);
    // Asked for the closable ones only, not for every mark.
    await c.waitFor(`Close ${canClose.length} finding${canClose.length === 1 ? '' : 's'}? [y/N]`);
    await c.press('y');
    await c.waitFor(`closed: ${canClose.length} finding`);
    for (const f of shown) expect((await fx.duban.findingQueries.get(f.id)).status).toBe(canClose.includes(f) ? 'closed' : f.status);
  });

  it('asks before a bulk action, says how many, and takes No by default', async () => {
    const { department, findings } = await departmentWith('open', 2);
    const targets = findings.slice(0, 2);
    const c = open({ columns: 150 });
    await filterTo(c, `dept:${department} status:open`);
    await c.waitFor(targets[0]!.id);
    await c.press(' ', ' ');
    await c.waitFor('2 marked');
    await c.press('n');
    await c.type('bulk note');
    await c.press(KEYS.enter);
    await c.waitFor('Note on 2 findings? [y/N]');
    await c.press(KEYS.enter);
    await c.waitFor('cancelled');
    for (const f of targets) expect((await fx.duban.findingQueries.get(f.id)).notes.map((n) => n.text)).not.toContain('bulk note');
    await c.press('n');
    await c.type('bulk note');
    await c.press(KEYS.enter);
    await c.waitFor('Note on 2 findings? [y/N]');
    await c.press('y');
    await c.waitFor('noted: 2 findings');
    for (const f of targets) expect((await fx.duban.findingQueries.get(f.id)).notes.map((n) => n.text)).toContain('bulk note');
  });

  it('assigns through the person picker, matching pinyin initials', async () => {
    const target = (await departmentWith('open', 1)).findings[0]!;
    const head = `head_${target.department.toLowerCase()}`;
    const c = open({ columns: 150 });
    await filterTo(c, `dept:${target.department} status:open`);
    await c.waitFor(target.id);
    await cursorTo(c, 0);
    await c.press('a');
    await c.waitFor('Assign to:');
    // The initials of 欧阳明 (Ouyang Ming), an inspector of the quality office.
    await c.type('oym');
    const frame = await c.waitFor('insp2');
    expect(frame).toContain('欧阳明');
    expect(frame).not.toContain(`${head} `);
    await c.press(KEYS.enter);
    await c.waitFor('assigned: 1 finding');
    expect((await fx.duban.findingQueries.get(target.id)).assignee).toBe('insp2');
  });

  it('generates help from the keymap, switches language with L, and quits with q', async () => {
    const c = open({ columns: 150 });
    await c.waitFor('1 of');
    await c.press('?');
    let frame = await c.waitFor('Keys');
    expect(frame).toContain('escalate (asks a reason)');
    expect(frame).toContain('back (never quits)');
    await c.press(KEYS.esc, 'L');
    frame = await c.waitFor('语言：中文');
    expect(frame).toContain('[我的待办');
    await c.press('?');
    await c.waitFor('快捷键');
    await c.press(KEYS.esc, 'q');
    await c.press('L');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(c.frame()).not.toContain('Language: English');
  });

  it('draws without colour and, in ASCII mode, without box or block characters', async () => {
    const c = open({ columns: 150, ascii: true });
    await c.waitFor('1 of');
    await c.press(KEYS.enter);
    await c.waitFor('Escalation level');
    const frame = c.frame();
    expect(frame).not.toMatch(/\u001B\[/);
    expect(frame).not.toMatch(/[─│╭╮╰╯┌┐└┘█▁▂▃▄▅▆▇○◔◑◕●◆▲⚠▶…]/);
    expect(frame).toMatch(/\[ \] open|\[p\] action planned|\[v\] awaiting|\[a\] acknowledged/);
  });

  it('shows changes made by another process within a couple of seconds', async () => {
    const target = (await departmentWith('open', 1)).findings[0]!;
    const c = open({ columns: 150, pollMs: 1000 });
    await filterTo(c, `dept:${target.department} status:open`);
    await c.waitFor(target.id);
    // Another engine on the same file: what a `duban serve` or a colleague's console would be.
    const other = await createDuban({ db: fx.file, plugins: builtinPlugins });
    try {
      await other.findings.plan(target.id, 'office1', { text: 'from elsewhere', owner: 'office1', due: new Date(Date.now() + 7 * 864e5).toISOString().slice(0, 10) });
    } finally {
      await other.close();
    }
    await c.waitFor((f) => !f.includes(target.id), 5000);
  });
});
