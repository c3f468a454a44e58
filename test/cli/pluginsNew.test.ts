import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/duban.js');

describe('duban plugins new', () => {
  // Inside the repository, so the generated plugin's `import 'duban'` resolves to this
  // package, as it does for hospital IT working in a checkout.
  mkdirSync(join(ROOT, 'test/.tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'test/.tmp/plugins-new-'));
  const env = { ...process.env, DUBAN_DB: join(dir, 'duban.db'), DUBAN_LANG: 'en' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scaffolds a plugin that passes doctor and its own test as generated', async () => {
    const created = await run('node', [BIN, 'plugins', 'new', 'demo-dept', '--json'], { cwd: dir, env });
    const result = JSON.parse(created.stdout) as { files: string[]; configFile: string };
    expect(result.files).toEqual(expect.arrayContaining(['index.js', 'tasks/check.js', 'chains/demo-dept-check.yaml', 'test/plugin.test.js', 'locales/labels.js']));
    expect(JSON.parse(readFileSync(join(dir, 'duban.config.json'), 'utf8')).plugins).toEqual(['./demo-dept/index.js']);

    const doctor = await run('node', [BIN, 'plugins', 'doctor', '--json'], { cwd: dir, env });
    const report = JSON.parse(doctor.stdout) as { plugins: { id: string; taskTypes: string[] }[]; disabled: unknown[] };
    expect(report.disabled).toEqual([]);
    expect(report.plugins.find((p) => p.id === 'demo-dept')?.taskTypes).toEqual(['demo-dept.check']);

    const test = await run('node', ['--test', 'demo-dept/'], { cwd: dir, env });
    expect(test.stdout).toMatch(/# pass 2/);
    expect(test.stdout).toMatch(/# fail 0/);
  });

  it('refuses a bad id and an existing folder, writing nothing', async () => {
    const bad = await run('node', [BIN, 'plugins', 'new', 'Bad_Id'], { cwd: dir, env }).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toMatch(/^duban: USAGE: plugin id "Bad_Id"/);
    const again = await run('node', [BIN, 'plugins', 'new', 'demo-dept'], { cwd: dir, env }).catch((e: { code: number; stderr: string }) => e);
    expect(again).toMatchObject({ code: 1 });
    expect((again as { stderr: string }).stderr).toMatch(/INPUT_INVALID: .*already exists/);
  });
});
