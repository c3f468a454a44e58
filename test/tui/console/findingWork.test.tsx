import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, renderConsole, type RenderedConsole } from '../support/renderConsole.js';
import { openTuiFixture, type TuiFixture } from '../support/tuiFixture.js';

let fx: TuiFixture;
const consoles: RenderedConsole[] = [];
beforeAll(async () => {
  fx = await openTuiFixture(10);
});
afterAll(async () => {
  for (const c of consoles) c.unmount();
  await fx?.dispose();
});

function open(actor: string, options: Parameters<typeof renderConsole>[1] = {}): RenderedConsole {
  const c = renderConsole(fx.data(actor), { columns: 160, rows: 40, ...options });
  consoles.push(c);
  return c;
}

/** A fresh finding of CT, opened by the office. */
async function newFinding(title: string): Promise<string> {
  return fx.duban.findings.open({ department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'duty.absent', severity: 'major', title, titleEn: title }, 'office1');
}

/** Opens a console on one finding (its id as the filter) and waits until its detail and actions are read. */
async function onFinding(actor: string, id: string, lang: 'en' | 'zh-CN' = 'en'): Promise<RenderedConsole> {
  const c = open(actor, { lang });
  await c.waitFor(lang === 'en' ? '[My queue' : '[我的待办');
  await c.press('/', KEYS.ctrlU);
  await c.type(id);
  await c.press(KEYS.enter);
  await c.waitFor((f) => f.includes(`${id}`) && (lang === 'en' ? /1 of 1/ : /第 1 \/ 1 项/).test(f));
  return c;
}

describe('a finding worked in the console', () => {
  it('offers each seat only what can() allows, and the head and the owner take their steps', async () => {
    const id = await newFinding('head work');
    const head = await onFinding('head_ct', id);
    // Open: the head may acknowledge and plan; escalating, closing and rejecting are the office's.
    let frame = await head.waitFor('A acknowledge');
    expect(frame).toContain('p plan action');
    expect(frame).not.toMatch(/e escalate|c close|x reject/);
    await head.press('A');
    await head.waitFor('Acknowledge 1 finding? [y/N]');
    await head.press('n');
    await head.waitFor('cancelled');
    expect((await fx.duban.findingQueries.get(id)).status).toBe('open');
    await head.press('A');
    await head.waitFor('Acknowledge 1 finding? [y/N]');
    await head.press('y');
    await head.waitFor('acknowledged: 1 finding');
    expect((await fx.duban.findingQueries.get(id)).status).toBe('acknowledged');

    // A root cause: its category's choices are shown, from the chain's own form.
    await head.waitFor('W root cause');
    await head.press('W');
    await head.waitFor('Root-cause category (people People / method Method / equipment Equipment / environment Environment / management Management)');
    await head.press(KEYS.ctrlU);
    await head.type('method');
    await head.press(KEYS.enter);
    await head.waitFor('Root cause:');
    await head.type('交接班流程不清');
    await head.press(KEYS.enter);
    await head.waitFor('root cause recorded: 1 finding');
    expect((await fx.duban.findingQueries.get(id)).rootCause).toMatchObject({ category: 'method', text: '交接班流程不清' });

    // A planned action: text, owner (picker), due date, kind.
    await head.press('p');
    await head.waitFor('Corrective action:');
    await head.type('夜班巡查表');
    await head.press(KEYS.enter);
    await head.waitFor('Owner of the action');
    await head.type('tech1');
    await head.press(KEYS.enter);
    await head.waitFor('Due date (YYYY-MM-DD):');
    await head.type('2026-03-10');
    await head.press(KEYS.enter);
    await head.waitFor('Kind (corrective Corrective / preventive Preventive)');
    await head.press(KEYS.ctrlU);
    await head.type('preventive');
    await head.press(KEYS.enter);
    await head.waitFor('action planned: 1 finding');
    let after = await fx.duban.findingQueries.get(id);
    expect(after.status).toBe('action_planned');
    expect(after.actions).toMatchObject([{ text: '夜班巡查表', owner: 'tech1', due: '2026-03-10', kind: 'preventive', status: 'open' }]);

    // An extension: the day asked for, then the reason.
    await head.waitFor('t request extension');
    await head.press('t');
    await head.waitFor('Extend the due date to (YYYY-MM-DD):');
    await head.type('2026-03-20');
    await head.press(KEYS.enter);
    await head.waitFor('Reason for the extension:');
    await head.type('设备到货延迟');
    await head.press(KEYS.enter);
    await head.waitFor('extension requested: 1 finding');
    after = await fx.duban.findingQueries.get(id);
    expect(after.extensions).toMatchObject([{ until: '2026-03-20', reason: '设备到货延迟' }]);

    // The action's owner, no head, may mark his own action done (and nothing of the office's).
    const owner = await onFinding('tech1', id);
    frame = await owner.waitFor('d mark done');
    expect(frame).not.toMatch(/e escalate|T grant extension|A acknowledge/);
    await owner.press('d');
    await owner.waitFor('Action done (id: a1 夜班巡查表):');
    await owner.press(KEYS.enter);
    await owner.waitFor('Mark the action done on 1 finding? [y/N]');
    await owner.press('y');
    await owner.waitFor('action done: 1 finding');
    expect((await fx.duban.findingQueries.get(id)).actions[0]).toMatchObject({ status: 'done', doneBy: 'tech1' });

    // The office answers the extension: grant asks first.
    const office = await onFinding('office1', id);
    await office.waitFor('T grant extension');
    expect(office.frame()).not.toContain('A acknowledge');
    await office.press('T');
    await office.waitFor('Grant the extension of 1 finding? [y/N]');
    await office.press('y');
    await office.waitFor('extension granted: 1 finding');
    expect((await fx.duban.findingQueries.get(id)).extensions[0]).toMatchObject({ status: 'granted' });
  });

  it('offers submit only once every action is done, and says why not before, in both languages; answers to an extension only while one waits', async () => {
    const id = await newFinding('submit when done');
    await fx.duban.findings.plan(id, 'head_ct', { text: '巡查表', owner: 'tech1', due: '2026-03-10' });
    for (const lang of ['en', 'zh-CN'] as const) {
      const head = await onFinding('head_ct', id, lang);
      // The head may submit, but not while the action is open: the key is not offered.
      const frame = await head.waitFor(lang === 'en' ? 'd mark done' : 'd 完成措施');
      expect(frame).not.toContain(lang === 'en' ? 's submit' : 's 提交验证');
      await head.press('s');
      await head.waitFor(lang === 'en' ? 'submit: unavailable · not possible yet: the conditions of the step “action planned” do not hold' : '提交验证: 不可用 · 暂不能执行：尚未满足「整改中」环节的条件');
      expect((await fx.duban.findingQueries.get(id)).status).toBe('action_planned');
    }
    // No extension request waits: the office is offered no answer to one.
    const office = await onFinding('office1', id);
    expect(await office.waitFor('e escalate')).not.toMatch(/T grant extension|D refuse extension/);
    await fx.duban.findings.actionDone(id, 'tech1', 'a1');
    const head = await onFinding('head_ct', id);
    // Now submit is offered, and marking done no longer is: no action is open.
    expect(await head.waitFor('s submit')).not.toContain('d mark done');
    await head.press('s');
    await head.waitFor('[y/N]');
    await head.press('y');
    await head.waitFor('submitted: 1 finding');
    expect((await fx.duban.findingQueries.get(id)).status).toBe('awaiting_verification');
  });

  it('lists every action in the palette by name in both languages, enabled only where allowed, and runs the chosen one', async () => {
    const id = await newFinding('palette');
    for (const lang of ['en', 'zh-CN'] as const) {
      const head = await onFinding('head_ct', id, lang);
      await head.waitFor(lang === 'en' ? 'A acknowledge' : 'A 确认');
      await head.press(':');
      const frame = await head.waitFor(lang === 'en' ? 'Command:' : '命令:');
      for (const words of [['acknowledge', '确认'], ['plan action', '制定措施'], ['escalate', '升级'], ['grant extension', '同意延期'], ['reopen', '重新打开']]) {
        const line = frame.split('\n').find((l) => l.includes(words[0]!) && l.includes(words[1]!));
        expect(line, `${words.join(' / ')} in\n${frame}`).toBeDefined();
        // The office's actions are listed for the head, but marked as not his.
        expect(line!.includes('✗')).toBe(!['acknowledge', 'plan action'].includes(words[0]!));
      }
      await head.type(lang === 'en' ? 'escal' : '升级');
      await head.waitFor((f) => !f.includes('acknowledge · 确认') && !f.includes('确认 · acknowledge'));
      await head.press(KEYS.enter);
      await head.waitFor(lang === 'en' ? 'unavailable' : '不可用');
      await head.press(KEYS.esc);
    }
    const office = await onFinding('office1', id);
    await office.waitFor('e escalate');
    await office.press(':');
    await office.waitFor('Command:');
    await office.type('esca');
    await office.press(KEYS.enter);
    await office.waitFor('Reason for escalating:');
    await office.press(KEYS.esc);
  });

  it('asks before leaving a half-filled form with q', async () => {
    // A critical finding starts a corrective meeting: its minutes are the head's task.
    await fx.duban.findings.open({ department: 'CT', subject: 'CT-night', subjectKind: 'post', category: 'duty.absent', severity: 'critical', title: '值班不在岗' }, 'office1');
    const c = open('head_ct');
    await c.press('2');
    await c.waitFor('Minutes of the');
    await c.press(KEYS.enter);
    await c.waitFor('From the instance');
    // Something typed, so q must ask.
    for (let i = 0; i < 40 && !(c.frame().split('\n').find((l) => l.startsWith('▶')) ?? '').includes('Held at'); i++) await c.press('j');
    await c.press(KEYS.enter);
    await c.type('2026-03-03 09:00');
    await c.press(KEYS.enter);
    await c.press('q');
    await c.waitFor('Leave the form? What you typed is lost. [y/N]');
    await c.press('n');
    await c.waitFor('cancelled');
    expect(c.frame()).toContain('Held at*: 2026-03-03T09:00');
  });
});
