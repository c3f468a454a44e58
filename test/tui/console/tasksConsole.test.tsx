import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTuiData } from '../../../cli/tui/data/createTuiData.js';
import { importHospital } from '../../support/hospitalOrg.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';
import { blindedCandidate } from '../fixtures/blindedPlugin.js';
import { KEYS, renderConsole, type RenderedConsole } from '../support/renderConsole.js';

let duban: TestDuban;
const consoles: RenderedConsole[] = [];
beforeAll(async () => {
  duban = await startTestDuban('sqlite', { extraPlugins: [blindedCandidate] });
  await importHospital(duban);
});
afterAll(async () => {
  for (const c of consoles) c.unmount();
  await duban?.dispose();
});

function open(actor: string, rows = 36): RenderedConsole {
  const c = renderConsole(createTuiData(duban, actor), { columns: 120, rows });
  consoles.push(c);
  return c;
}

/** The selected line of a form (it starts with the cursor symbol). */
const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▶')) ?? '';

/** Moves the form's cursor down (or up) until the selected line contains `text`. */
async function select(c: RenderedConsole, text: string, key = 'j'): Promise<void> {
  for (let i = 0; i < 40 && !selectedLine(c.frame()).includes(text); i++) await c.press(key);
  expect(selectedLine(c.frame())).toContain(text);
}

describe('the tasks screen', () => {
  it("fills the corrective meeting's minutes from the task type's form, validating as one types, and submits through the engine", async () => {
    await duban.findings.open({ department: 'CT', subject: 'CT-night', subjectKind: 'post', category: 'duty.absent', severity: 'critical', title: '值班不在岗' }, 'office1');
    const [meeting] = await duban.engine.list({ chainId: 'corrective-meeting' });
    expect(meeting!.state).toBe('meeting');

    const c = open('head_ct');
    await c.press('2');
    await c.waitFor('Minutes of the');
    await c.press(KEYS.enter);
    let frame = await c.waitFor('From the instance');
    expect(frame).toContain('Reason: 值班不在岗');
    expect(frame).toMatch(/\d problems/);

    await select(c, 'Held at');
    await c.press(KEYS.enter);
    await c.type('next tuesday');
    await c.waitFor('expected a date-time');
    await c.press(KEYS.ctrlU);
    await c.type('2026-03-03 09:00');
    await c.waitFor((f) => !f.includes('expected a date-time'));
    await c.press(KEYS.enter);

    await select(c, '+ add Attendees');
    await c.press(KEYS.enter);
    await select(c, '1.');
    await c.press(KEYS.enter);
    await c.type('lzr');
    await c.waitFor('head_ct');
    await c.press(KEYS.enter);
    await c.waitFor('1.: Li Zhuren');

    await select(c, '+ add Statements');
    await c.press(KEYS.enter);
    await select(c, 'Person*');
    await c.press(KEYS.enter);
    await c.type('刘技师');
    await c.press(KEYS.enter);
    // The plugin's own rule, checked as the draft changes: who speaks must attend.
    frame = await c.waitFor('is not among the attendees');
    await c.press(KEYS.enter);
    await c.type('李主任');
    await c.press(KEYS.enter);
    await c.waitFor((f) => !f.includes('is not among the attendees'));
    await select(c, 'Kind');
    await c.press(' ', ' ');
    await select(c, 'Statement*:');
    await c.press(KEYS.enter);
    await c.type('本人检讨：夜班脱岗');
    await c.press(KEYS.enter);

    await select(c, 'Root cause');
    await c.press(KEYS.enter);
    await c.type('交接班流程不清');
    await c.press(KEYS.enter);
    await select(c, '+ add Decisions');
    await c.press(KEYS.enter, KEYS.enter);
    await c.type('每日集中交班');
    await c.press(KEYS.enter);

    await c.waitFor('ready to submit');
    await c.press(KEYS.ctrlS);
    await c.waitFor(`submitted ${meeting!.id}`);
    const after = await duban.engine.get(meeting!.id);
    expect(after.state).not.toBe('meeting');
    expect(JSON.stringify(after.context.data)).toContain('本人检讨：夜班脱岗');
  });

  it('never shows what the instance keeps from the person filling a blinded form', async () => {
    const started = await duban.engine.start('blinded-reading', { slide: 'S-2026-017', lab: 'county-3' }, 'office1');
    await duban.engine.send(started.id, { type: 'RECORD', data: { result: 'LAB-SAYS-3+' } }, 'office1');
    expect(JSON.stringify((await duban.engine.get(started.id)).context)).toContain('LAB-SAYS-3+');

    const c = open('insp1');
    await c.press('2');
    await c.waitFor('Slide reading');
    await c.press(KEYS.enter);
    let frame = await c.waitFor('From the instance');
    expect(frame).toContain('Slide: S-2026-017');
    expect(frame).not.toContain('LAB-SAYS-3+');
    expect(frame).not.toContain('labResult');

    await select(c, 'Grade');
    await c.press(' ', ' ');
    frame = await c.waitFor('a scanty grade needs the count');
    await select(c, 'AFB count');
    await c.press(KEYS.enter);
    await c.type('5');
    await c.press(KEYS.enter);
    await c.waitFor('ready to submit');
    expect(c.frame()).not.toContain('LAB-SAYS-3+');
    await c.press(KEYS.ctrlS);
    await c.waitFor(`submitted ${started.id}`);
    expect((await duban.engine.get(started.id)).context.data.reading).toEqual({ grade: 'scanty', afb: 5 });
  });
});
