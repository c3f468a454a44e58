import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/duban.js');

const ORG = `departments:
  - { id: RAD, name: { zh-CN: 放射科, en: Radiology } }
people:
  - { id: insp1, name: { zh-CN: 督查员, en: Inspector }, department: RAD, roles: [inspector] }
  - { id: office1, name: { zh-CN: 质控办, en: Office }, roles: [office] }
`;

/**
 * A hospital IT person's path, outside this checkout: `plugins new` in an empty folder,
 * duban installed into the package from the checkout (a local path install), the
 * package's own `npm test`, then the plugin loaded from the config by path, its command
 * run and its report section in the monthly report.
 */
describe('duban plugins new, as a standalone package', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-plugins-new-'));
  const env = { ...process.env, DUBAN_DB: join(dir, 'duban.db'), DUBAN_LANG: 'en', DUBAN_NOW: '2026-03-10T02:00:00.000Z', DUBAN_CONFIG: '' };
  const duban = (as: string, ...args: string[]) => run('node', [BIN, ...args], { cwd: dir, env: { ...env, DUBAN_AS: as } });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a package whose own npm test passes with duban installed from a path, and which duban then loads and runs', async () => {
    const created = JSON.parse((await duban('office1', 'plugins', 'new', 'radiology', '--json')).stdout) as { files: string[]; configFile: string };
    expect(created.files).toEqual(expect.arrayContaining(['package.json', 'tsconfig.json', 'src/index.ts', 'src/checkTask.ts', 'src/checksCommand.ts', 'src/checksSection.ts', 'src/text.ts', 'chains/radiology-check.yaml', 'test/plugin.test.ts']));
    const manifest = JSON.parse(readFileSync(join(dir, 'radiology/package.json'), 'utf8'));
    expect(manifest).toMatchObject({ type: 'module', peerDependencies: { duban: expect.any(String) }, scripts: { build: expect.any(String), test: expect.any(String) } });
    expect(JSON.parse(readFileSync(join(dir, 'duban.config.json'), 'utf8')).plugins).toEqual(['./radiology']);

    const pkg = join(dir, 'radiology');
    await run('npm', ['install', '--no-audit', '--no-fund', ROOT], { cwd: pkg, maxBuffer: 64 * 1024 * 1024 });
    const tested = await run('npm', ['test'], { cwd: pkg, env: { ...process.env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    expect(tested.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Tests\s+3 passed \(3\)/);

    // Commands need a database made on purpose: init creates it and runs the plugin's migrations.
    await duban('office1', 'init');
    const doctor = JSON.parse((await duban('office1', 'plugins', 'doctor', '--json')).stdout) as { plugins: { id: string; taskTypes: string[] }[]; disabled: unknown[] };
    expect(doctor.disabled).toEqual([]);
    expect(doctor.plugins.find((p) => p.id === 'radiology')?.taskTypes).toEqual(['radiology.check']);

    writeFileSync(join(dir, 'org.yaml'), ORG);
    await duban('office1', 'org', 'import', 'org.yaml');
    const started = JSON.parse((await duban('insp1', 'run', 'radiology-check', '--input', '{"department":"RAD"}', '--json')).stdout) as { id: string };
    await duban('insp1', 'send', started.id, 'SUBMIT', '--data', '{"passed":false,"note":"film unlabelled"}');

    const checks = await duban('office1', 'radiology', 'checks', '--month', '2026-03');
    expect(checks.stdout).toMatch(/2026-03: 1 check\b/);
    expect(JSON.parse((await duban('office1', 'radiology', 'checks', '--month', '2026-03', '--json')).stdout)).toEqual({ month: '2026-03', checks: 1, byDepartment: [{ department: 'RAD', checks: 1, failed: 1 }] });
    const report = JSON.parse((await duban('office1', 'report', 'monthly', '--month', '2026-03', '--format', 'json')).stdout) as { sections: Record<string, { data: unknown }> };
    expect(report.sections['radiology-checks']?.data).toMatchObject({ checks: 1, failed: 1 });
  });

  it('refuses a bad id and an existing folder, writing nothing', async () => {
    const bad = await duban('office1', 'plugins', 'new', 'Bad_Id').catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toMatch(/^duban: USAGE: plugin id "Bad_Id"/);
    const again = await duban('office1', 'plugins', 'new', 'radiology').catch((e: { code: number; stderr: string }) => e);
    expect(again).toMatchObject({ code: 1 });
    expect((again as { stderr: string }).stderr).toMatch(/INPUT_INVALID: .*already exists/);
  });
});
