import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../../core/index.js';
import { commandContext } from '../../../core/plugin/commandContext.js';
import { plugin } from '../../../plugins/tb-lab/index.js';
import { startTestDuban, type TestDuban } from '../../support/testDuban.js';
import { registerCsv, runCommand, testRegister, writeCsv } from './tbLabHarness.js';

// `duban tb slides` heads its table with the round and how many slides it lists: a
// quarter's sample (20 slides), and the umpire's list of the one discordant slide.
describe('tb slides counts its slides in both languages', () => {
  let duban: TestDuban;
  let round: string;

  async function headline(lang: Language, options: Record<string, string | boolean>, actor: string): Promise<string> {
    const printed: string[] = [];
    const slides = plugin.commands.find((c) => c.name === 'tb slides')!;
    await slides.run({ round, ...options }, commandContext(duban, plugin.id, actor, { lang, json: false, print: (line) => void printed.push(line) }));
    return printed[0]!;
  }

  beforeAll(async () => {
    duban = await startTestDuban('sqlite');
    const register = testRegister();
    const imported = await runCommand(duban, 'tb import', { department: 'CL-01', quarter: '2026-Q1', input: writeCsv('register.csv', registerCsv(register)) });
    round = (await duban.engine.start('sputum-slide-qc', { department: 'CL-01', quarter: '2026-Q1' }, 'office1')).id;
    await duban.engine.send(round, { type: 'SUBMIT', data: { register: imported.register, annualNegatives: 200, positivity: 0.1 } }, 'office1');
  });
  afterAll(async () => duban?.dispose());

  it('a sample of many slides', async () => {
    const { slides } = await runCommand(duban, 'tb slides', { round }, 'ctrl1');
    expect(slides).toHaveLength(20);
    expect(await headline('en', {}, 'ctrl1')).toMatch(/, 20 slides$/);
    expect(await headline('zh-CN', {}, 'ctrl1')).toMatch(/，20 张$/);
  });

  it('the umpire’s list of one slide', async () => {
    const lab = new Map(testRegister().map((s) => [s.slide, s.result]));
    const { slides } = await runCommand(duban, 'tb slides', { round }, 'ctrl1');
    const selected: string[] = slides.map((s: { slide: string }) => s.slide);
    const discordant = selected.find((s) => lab.get(s) === 'NEG')!;
    // The controller agrees with the laboratory on every slide but one negative, read 2+.
    const readings = selected.map((slide) => ({ slide, grade: slide === discordant ? '2+' : lab.get(slide) === '3+' ? '2+' : 'NEG' }));
    await duban.engine.send(round, { type: 'SUBMIT', data: { readings } }, 'ctrl1');
    expect((await duban.engine.get(round)).state).toBe('umpiring');
    expect(await headline('en', { forUmpire: true }, 'ump1')).toMatch(/, 1 slide$/);
    expect(await headline('zh-CN', { forUmpire: true }, 'ump1')).toMatch(/，1 张$/);
  });
});
