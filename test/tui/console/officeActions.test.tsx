import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, renderConsole, type RenderedConsole } from '../support/renderConsole.js';
import { openTuiFixture, type TuiFixture } from '../support/tuiFixture.js';

let fx: TuiFixture;
const consoles: RenderedConsole[] = [];
beforeAll(async () => {
  fx = await openTuiFixture(6);
  const remind = { kind: 'remind' as const, to: { role: 'inspector' }, message: { 'zh-CN': '请进行夜间查岗', en: 'Night duty-post check due' } };
  // Listed first (schedules are listed by id), so the cursor starts on it.
  await fx.duban.schedules.add({ id: 'a-night-check', name: { 'zh-CN': '夜间查岗', en: 'Night duty check' }, cron: '0 22 * * *', action: remind }, 'office1');
});
afterAll(async () => {
  for (const c of consoles) c.unmount();
  await fx?.dispose();
});

function open(actor: string, lang: 'en' | 'zh-CN' = 'en'): RenderedConsole {
  const c = renderConsole(fx.data(actor), { columns: 160, rows: 40, lang });
  consoles.push(c);
  return c;
}

/** A fresh finding of CT, opened by the office. */
async function newFinding(title: string): Promise<string> {
  return fx.duban.findings.open({ department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'duty.absent', severity: 'major', title, titleEn: title }, 'office1');
}

/** A console on one finding (its id as the filter), once its detail and actions are read. */
async function onFinding(actor: string, id: string): Promise<RenderedConsole> {
  const c = open(actor);
  await c.waitFor('[My queue');
  await c.press('/', KEYS.ctrlU);
  await c.type(id);
  await c.press(KEYS.enter);
  await c.waitFor((f) => f.includes(id) && /1 of 1/.test(f) && f.includes('n note'));
  return c;
}

/** Moves the form's cursor (▶) down to the field whose line starts with `label`. */
async function toField(c: RenderedConsole, label: string): Promise<void> {
  const at = () => (c.frame().split('\n').find((l) => l.startsWith('▶')) ?? '').slice(2);
  for (let i = 0; i < 30 && !at().startsWith(label); i++) await c.press('j');
  expect(at().startsWith(label), at()).toBe(true);
}

/** Types a value into the form field under `label`. */
async function fill(c: RenderedConsole, label: string, value: string): Promise<void> {
  await toField(c, label);
  await c.press(KEYS.enter);
  await c.type(value);
  await c.press(KEYS.enter);
  await c.waitFor(`${label}: ${value}`);
}

describe("the office's own actions in the console", () => {
  it('fixes a finding’s due date: a day in the hospital’s zone and a reason, after y/N', async () => {
    const id = await newFinding('set due');
    const office = await onFinding('office1', id);
    // The hint line is cut at this width; help says it is offered.
    await office.press('?');
    await office.waitFor((f) => /u\s+fix the due date: day, reason \(asks y\/N\)\s/.test(f) && !f.includes('fix the due date: day, reason (asks y/N) (unavailable'));
    await office.press(KEYS.esc);
    await office.press('u');
    await office.waitFor('New due date (YYYY-MM-DD, or YYYY-MM-DD HH:mm, +08):');
    await office.type('2026-04-30');
    await office.press(KEYS.enter);
    await office.waitFor('Reason for the new due date:');
    await office.type('院周会决定');
    await office.press(KEYS.enter);
    await office.waitFor('Fix the due date of 1 finding? [y/N]');
    await office.press('y');
    await office.waitFor('due date fixed: 1 finding');
    const after = await fx.duban.findingQueries.get(id);
    // The whole 30th in Shanghai (+08): until 15:59:59.999 UTC.
    expect(after.dueAt).toBe('2026-04-30T15:59:59.999Z');
    expect(after.timeline.filter((e) => e.event === 'SET_DUE')).toMatchObject([{ actor: 'office1', data: { dueAt: '2026-04-30T15:59:59.999Z', reason: '院周会决定' } }]);
  });

  it('does not offer the head a due date to fix, and says why when he tries', async () => {
    const id = await newFinding('head no set due');
    const head = await onFinding('head_ct', id);
    const frame = await head.waitFor('A acknowledge');
    expect(frame).not.toContain('u fix due date');
    await head.press('u');
    await head.waitFor('fix due date: unavailable · your role may not fix due date this finding');
    const before = (await fx.duban.findingQueries.get(id)).dueAt;
    await head.press('?');
    await head.waitFor((f) => /u\s+fix the due date: day, reason \(asks y\/N\) \(unavailable/.test(f));
    expect((await fx.duban.findingQueries.get(id)).dueAt).toBe(before);
  });

  it('opens a finding by hand from a form of the finding chain’s own fields', async () => {
    const office = open('office1');
    await office.waitFor('N open finding');
    await office.press('N');
    await office.waitFor('Open a finding');
    await fill(office, 'Department*', 'CT');
    await toField(office, 'Subject kind*');
    await office.press(' ');
    await office.waitFor('Subject kind*: Person');
    await fill(office, 'Subject*', 'tech1');
    await fill(office, 'Category*', 'discipline.late');
    await toField(office, 'Severity*');
    await office.press(' ', ' ');
    await office.waitFor('Severity*: Major');
    await fill(office, 'Title*', '交班迟到');
    await office.waitFor('ready to submit (ctrl-s)');
    await office.press(KEYS.ctrlS);
    const frame = await office.waitFor((f) => /opened \S+/.test(f));
    const id = /opened (\S+)/.exec(frame)![1]!;
    const finding = await fx.duban.findingQueries.get(id);
    expect(finding).toMatchObject({ department: 'CT', subject: 'tech1', category: 'discipline.late', severity: 'major', status: 'open' });
    expect(finding.title['zh-CN']).toBe('交班迟到');
    // Back where it was opened from.
    expect(frame).toContain('[My queue');
  });

  it('does not offer the head to open a finding (the finding chain is the office’s and inspectors’)', async () => {
    const head = open('head_ct');
    const frame = await head.waitFor('[My queue');
    expect(frame).not.toContain('N open finding');
    const before = await fx.duban.findingQueries.count({});
    await head.press('?');
    await head.waitFor('N                open a finding by hand: a form (unavailable to your role)');
    await head.press(KEYS.esc);
    await head.press('N');
    await head.waitFor('open a finding: unavailable · your role may not open a finding');
    expect(head.frame()).not.toContain('Open a finding');
    expect(await fx.duban.findingQueries.count({})).toBe(before);
  });

  it('starts a chain chosen from those the office may start, from its input form', async () => {
    const office = open('office1');
    await office.press('2');
    await office.waitFor('S start chain');
    await office.press('S');
    const list = await office.waitFor('Start which chain');
    expect(list).toContain('Duty-post inspection');
    expect(list).not.toMatch(/ finding@/);
    await office.type('train');
    await office.waitFor((f) => !f.includes('Duty-post inspection'));
    await office.press(KEYS.enter);
    await office.waitFor('Start Training session · its input');
    await fill(office, 'Organising department*', 'CT');
    await office.press(KEYS.ctrlS);
    const frame = await office.waitFor('started Training session:');
    const id = /started Training session: (\S+)/.exec(frame)![1]!;
    const instance = await fx.duban.engine.get(id);
    expect(instance).toMatchObject({ chainId: 'training-session', state: 'planning', createdBy: 'office1' });
    expect(instance.context.input).toEqual({ department: 'CT' });
  });

  it('offers the head only the chains can() lets him start: no inspection', async () => {
    const head = open('head_ct');
    await head.press('2');
    await head.waitFor('S start chain');
    await head.press('S');
    const list = await head.waitFor('Start which chain');
    expect(list).toContain('Training session');
    expect(list).not.toMatch(/Duty-post inspection|Spot check|Discipline check/);
    await head.press(KEYS.esc);
  });

  it('pauses and resumes the schedule under the cursor', async () => {
    const office = open('office1');
    await office.press('4');
    await office.waitFor('p pause/resume');
    await office.press('p');
    await office.waitFor('Night duty check paused');
    expect((await fx.duban.schedules.get('a-night-check')).status).toBe('paused');
    await office.waitFor((f) => /Night duty check.*⏸ paused/.test(f));
    await office.press('p');
    await office.waitFor('Night duty check resumed');
    expect((await fx.duban.schedules.get('a-night-check')).status).toBe('active');
  });

  it('does not offer the head to pause a schedule; the core refuses and audits it when he tries', async () => {
    const head = open('head_ct', 'zh-CN');
    await head.press('4');
    const frame = await head.waitFor('夜间查岗');
    expect(frame).not.toContain('p 暂停/恢复');
    await head.press('?');
    await head.waitFor('暂停或恢复该计划 （您的角色不可用）');
    await head.press(KEYS.esc);
    const seq = await lastAuditSeq();
    await head.press('p');
    await head.waitFor('NOT_ALLOWED');
    expect((await fx.duban.schedules.get('a-night-check')).status).toBe('active');
    const rows = await fx.duban.store.db.selectFrom('audit_log').select(['event', 'actor']).where('seq', '>', seq).execute();
    expect(rows).toEqual([{ event: 'denied:schedule.pause', actor: 'head_ct' }]);
  });
});

async function lastAuditSeq(): Promise<number> {
  const row = await fx.duban.store.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

describe("the office's actions in the palette", () => {
  it('lists them by name in both languages, enabled only where can() allows, and runs the chosen one', async () => {
    const names = [
      ['fix due date', '指定期限'],
      ['open a finding', '登记问题'],
      ['start a chain', '启动任务链'],
      ['pause / resume schedule', '暂停 / 恢复计划'],
    ];
    const id = await newFinding('palette office');
    // The head may start a chain for his own department (a training session), nothing else of these.
    const offered: Record<string, readonly string[]> = { office1: ['fix due date', 'open a finding', 'start a chain'], head_ct: ['start a chain'] };
    for (const actor of ['office1', 'head_ct']) {
      const c = await onFinding(actor, id);
      await c.press(':');
      // Both may start some chain: once that is enabled, can() has answered.
      const frame = await c.waitFor((f) => f.includes('Command:') && !(f.split('\n').find((l) => l.includes('start a chain')) ?? '✗').includes('✗'));
      for (const [name, zh] of names) {
        const line = frame.split('\n').find((l) => l.includes(`${name} · ${zh}`));
        expect(line, `${name} in\n${frame}`).toBeDefined();
        // Pausing is offered on the schedules screen only, where the cursor says which schedule.
        expect(line!.includes('✗'), `${actor}: ${line}`).toBe(!offered[actor]!.includes(name));
      }
      await c.press(KEYS.esc);
    }
    const office = open('office1', 'zh-CN');
    await office.waitFor('[我的待办');
    await office.press(':');
    await office.waitFor('命令:');
    await office.type('登记');
    await office.press(KEYS.enter);
    await office.waitFor('科室*: —');
    expect(office.frame()).toContain('登记问题');
  });
});
