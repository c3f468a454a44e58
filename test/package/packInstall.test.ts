import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/**
 * The package as a hospital installs it: `npm pack` of this checkout, installed with
 * `npm install <tarball>` into an empty folder outside it, and run there with npx. `npm test`
 * built dist/ first, so packing skips the build (`prepack`).
 */
describe('the packed package', { timeout: 600_000 }, () => {
  let dir: string;
  let files: string[];
  let app: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-pack-'));
    const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    files = packed!.files.map((f) => f.path);
    app = join(dir, 'app');
    await run('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'hospital', version: '1.0.0', private: true, type: 'module' }));
    await run('npm', ['install', '--no-audit', '--no-fund', join(dir, packed!.filename)], { cwd: app, maxBuffer: 64 * 1024 * 1024 });
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the compiled code with type declarations for duban and duban/plugin, the systemd unit and operations guide, and no tests, bench or fixtures', () => {
    expect(files).toEqual(expect.arrayContaining(['dist/bundle/duban.cjs', 'dist/bundle/core/index.js', 'dist/bundle/core/plugin/index.js', 'dist/core/index.d.ts', 'dist/core/plugin/index.d.ts', 'bin/duban.js', 'bin/loadCompiled.cjs', 'dist/bundle/importModule.cjs', 'workflows/spot-check.yaml', 'docs/deploy/duban.service', 'docs/operations.md']));
    expect(files.filter((f) => /^(test|bench|dist\/bench|dist\/test)\//.test(f) || /fixtures|\.tsbuildinfo$/.test(f))).toEqual([]);
  });

  it('runs npx duban --version, init and demo in the folder it was installed in', async () => {
    const npx = (...args: string[]) => run('npx', ['--no-install', 'duban', ...args], { cwd: app, env: { ...process.env, DUBAN_LANG: 'en', DUBAN_CONFIG: '' } });
    const { version } = (await import(join(ROOT, 'package.json'), { with: { type: 'json' } })).default as { version: string };
    expect((await npx('--version')).stdout.trim()).toBe(version);
    expect((await npx('init', '--db', 'x.db')).stdout).toMatch(/x\.db/);
    const demo = await npx('demo', '--db', 'd.db');
    expect(demo.stdout).toMatch(/findings: \d+ open/);
  });

  it('type-checks a plugin written against duban/plugin from the installed declarations', async () => {
    writeFileSync(
      join(app, 'plugin.ts'),
      [
        "import { definePlugin, sql, type ReportContext } from 'duban/plugin';",
        "import type { Duban } from 'duban';",
        "export const plugin = definePlugin({ id: 'radiology', version: '1.0.0', engine: '^0.1.0', title: { 'zh-CN': '放射科', en: 'Radiology' },",
        "  reportSections: [{ id: 'films', title: { 'zh-CN': '胶片', en: 'Films' }, build: async (ctx: ReportContext) => ({ data: { n: (await ctx.findings.count()) + (await ctx.db.selectFrom('radiology_film').selectAll().execute()).length }, tables: [] }) }] });",
        'export const raw = sql`select 1`;',
        'export type Host = Duban;',
        '',
      ].join('\n'),
    );
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['plugin.ts'] }));
    await expect(run(join(ROOT, 'node_modules/.bin/tsc'), ['-p', app])).resolves.toBeDefined();
  });
});
