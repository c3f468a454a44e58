import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTuiData } from '../../../cli/tui/data/createTuiData.js';
import { flakyPlugin, type FlakySwitch } from '../../fixtures/flaky/flakyPlugin.js';
import { importHospital } from '../../support/hospitalOrg.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';
import { KEYS, renderConsole, type RenderedConsole } from '../support/renderConsole.js';

let duban: TestDuban;
let control: FlakySwitch;
const consoles: RenderedConsole[] = [];
beforeAll(async () => {
  const flaky = flakyPlugin();
  control = flaky.control;
  duban = await startTestDuban('sqlite', { extraPlugins: [flaky.candidate] });
  await importHospital(duban);
});
afterAll(async () => {
  for (const c of consoles) c.unmount();
  await duban?.dispose();
});

function open(lang: 'en' | 'zh-CN' = 'en'): RenderedConsole {
  const c = renderConsole(createTuiData(duban, 'office1'), { columns: 130, rows: 34, lang });
  consoles.push(c);
  return c;
}

describe('the other screens', () => {
  it('lists open incidents and retries one after a confirmation that defaults to No', async () => {
    const instance = await duban.engine.start('flaky', {}, 'office1');
    for (let i = 0; i < 30 && (await duban.incidents.list('open')).length === 0; i++) {
      duban.manualClock.advance(3_600_000);
      await duban.outbox.runDue();
    }
    const [incident] = await duban.incidents.list('open');
    expect(incident).toBeDefined();
    const c = open();
    await c.press('5');
    await c.waitFor('plugin flaky: activity failed');
    await c.press('R');
    await c.waitFor(`Retry incident ${incident!.id}? [y/N]`);
    await c.press(KEYS.enter);
    await c.waitFor('cancelled');
    expect(await duban.incidents.list('open')).toHaveLength(1);
    control.failing = false;
    await c.press('R', 'y');
    await c.waitFor(`incident ${incident!.id} queued again`);
    await c.waitFor('No open incidents.');
    expect((await duban.engine.get(instance.id)).state).toBe('fetched');
  });

  it('lists schedules with their next runs, paused ones said in words', async () => {
    const remind = { kind: 'remind' as const, to: { role: 'inspector' }, message: { 'zh-CN': '请进行夜间查岗', en: 'Night duty-post check due' } };
    await duban.schedules.add({ id: 'night-check', name: { 'zh-CN': '夜间查岗', en: 'Night duty check' }, cron: '0 22 * * *', action: remind }, 'office1');
    await duban.schedules.add({ id: 'weekly', name: { 'zh-CN': '每周纪律检查', en: 'Weekly discipline check' }, cron: '0 8 * * 1', action: remind }, 'office1');
    await duban.schedules.pause('weekly', 'office1');
    const c = open('zh-CN');
    await c.press('4');
    const frame = await c.waitFor('每周纪律检查');
    expect(frame).toContain('夜间查岗');
    expect(frame).toMatch(/每周纪律检查.*⏸ 已暂停/);
    expect(frame).toMatch(/夜间查岗.*启用\s+\d{4}-\d{2}-\d{2} 22:00/);
    expect(frame).toContain('投递失败');
  });

  it('draws the dashboard from what the database holds', async () => {
    await duban.findings.open({ department: 'CT', subject: 'tech1', subjectKind: 'person', category: 'discipline.late', severity: 'minor', title: '迟到' }, 'office1');
    duban.manualClock.advance(8 * 24 * 3_600_000);
    const c = open();
    await c.press('3');
    const frame = await c.waitFor('Overdue findings by department');
    expect(frame).toMatch(/CT CT room\s+█+\s+1/);
    expect(frame).toContain('Findings opened per week');
    expect(frame).toContain('no data yet · discipline checks');
    expect(frame).toMatch(/\d+ unread/);
  });
});
