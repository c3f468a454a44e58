import { afterEach, describe, expect, it } from 'vitest';
import { createTuiData } from '../../../cli/tui/data/createTuiData.js';
import { flakyPlugin } from '../../fixtures/flaky/flakyPlugin.js';
import { importHospital } from '../../support/hospitalOrg.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';
import { renderConsole, type RenderedConsole } from '../support/renderConsole.js';

describe('the console’s status line', () => {
  let duban: TestDuban;
  const consoles: RenderedConsole[] = [];
  afterEach(async () => {
    for (const c of consoles.splice(0)) c.unmount();
    await duban?.dispose();
  });
  const open = (lang: 'en' | 'zh-CN' = 'en', ascii = false, pollMs?: number) => {
    const c = renderConsole(createTuiData(duban, 'office1'), { columns: 130, rows: 30, lang, ascii, pollMs });
    consoles.push(c);
    return c;
  };
  /** The line above the key hints: the last line but one of the frame. */
  const statusLine = (frame: string) => frame.split('\n').at(-2) ?? '';

  it('warns, in both languages, of a serve worker silent for more than a minute, and says nothing while it beats', async () => {
    duban = await startTestDuban('sqlite');
    await importHospital(duban);
    const worker = duban.heartbeats.worker();
    await duban.heartbeats.beat(worker);
    duban.manualClock.advance(30_000);

    // Polled on the console's cadence: the same console shows the warning once the clock has moved on.
    const c = open('en', false, 20);
    await c.waitFor((f) => /findings$| of /.test(statusLine(f)));
    expect(statusLine(c.frame())).not.toMatch(/silent/);
    duban.manualClock.advance(31_000);
    const frame = await c.waitFor('silent since');
    expect(statusLine(frame)).toMatch(new RegExp(`⚠ serve worker \\S+ pid ${process.pid} silent since 2026-03-02 09:00: see duban health`));
    const zh = open('zh-CN');
    expect(statusLine(await zh.waitFor('无响应'))).toMatch(new RegExp(`⚠ serve 进程 \\S+（进程 ${process.pid}）自 2026-03-02 09:00 起无响应：请运行 duban health`));
    const ascii = open('en', true);
    expect(statusLine(await ascii.waitFor('silent since'))).toMatch(/^! serve worker/);
  });

  it('warns of open incidents', async () => {
    const flaky = flakyPlugin();
    duban = await startTestDuban('sqlite', { extraPlugins: [flaky.candidate] });
    await importHospital(duban);
    await duban.engine.start('flaky', {}, 'office1');
    while ((await duban.incidents.openSummary()).open === 0) {
      duban.manualClock.advance(3_600_000);
      await duban.outbox.runDue();
    }
    const c = open();
    expect(statusLine(await c.waitFor('open incident'))).toContain('⚠ 1 open incident: see Incidents');
  });
});
