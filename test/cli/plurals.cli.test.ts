import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, runDuban, runDubanJson, type CliOptions } from '../support/cli.js';
import { seedTestOrg } from '../support/testDuban.js';

// What the compiled CLI prints with counts, in both languages: one form for one and
// another for more in English, one form in Chinese.
describe('counts printed by the CLI', () => {
  let dir: string;
  let cli: CliOptions;
  const zh = (options: CliOptions): CliOptions => ({ ...options, env: { DUBAN_LANG: 'zh-CN' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-plurals-'));
    cli = { db: join(dir, 'duban.db'), cwd: dir, now: '2026-03-02T01:00:00.000Z' };
    await seedTestOrg(cli.db!);
  }, CLI_TEST_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('plugins list: 1 chain, 2 chains, 3 chains; 1 条任务链, 2 条任务链', async () => {
    const [en, chinese] = await Promise.all([runDuban(['plugins', 'list'], cli), runDuban(['plugins', 'list'], zh(cli))]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^tb-lab\s.*· \d+ task types · 1 chain$/m);
    expect(en.stdout).toMatch(/^medtech\s.*· \d+ task types · 2 chains$/m);
    expect(en.stdout).toMatch(/^quality-office\s.*· \d+ task types · 3 chains$/m);
    expect(chinese.code, chinese.stderr).toBe(0);
    expect(chinese.stdout).toMatch(/^tb-lab\s.*· \d+ 个任务类型 · 1 条任务链$/m);
    expect(chinese.stdout).toMatch(/^medtech\s.*· \d+ 个任务类型 · 2 条任务链$/m);
    expect(chinese.stdout).not.toMatch(/task types|chains/);
  }, CLI_TEST_TIMEOUT);

  it('tb slides: 20 slides; 20 张', async () => {
    const lines = ['slide,result', ...Array.from({ length: 40 }, (_, i) => `S${String(i + 1).padStart(2, '0')},${i % 5 === 0 ? '3+' : 'NEG'}`)];
    writeFileSync(join(dir, 'register.csv'), `${lines.join('\n')}\n`);
    const office = { ...cli, env: { DUBAN_AS: 'office1' } };
    const register = await runDubanJson(['tb', 'import', '--department', 'CL-02', '--quarter', '2026-Q1', '--input', 'register.csv', '--json'], office);
    const { id } = await runDubanJson(['run', 'sputum-slide-qc', '--input', JSON.stringify({ department: 'CL-02', quarter: '2026-Q1' }), '--json'], office);
    await runDubanJson(['send', id, 'SUBMIT', '--data', JSON.stringify({ register: register.register, annualNegatives: 200, positivity: 0.1 }), '--json'], office);
    const [en, chinese] = await Promise.all([
      runDuban(['tb', 'slides', '--round', id], office),
      runDuban(['tb', 'slides', '--round', id], { ...office, env: { ...office.env, DUBAN_LANG: 'zh-CN' } }),
    ]);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout.split('\n')[0]).toMatch(/^Round .*, register CL-02\/2026-Q1\/1, 20 slides$/);
    expect(chinese.code, chinese.stderr).toBe(0);
    expect(chinese.stdout.split('\n')[0]).toMatch(/^轮次 .*，登记本 CL-02\/2026-Q1\/1，20 张$/);
  }, CLI_TEST_TIMEOUT);
});
