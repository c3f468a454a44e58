import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configPlugins } from '../../cli/configPlugins.js';
import { CORE_COMMANDS } from '../../cli/coreCommands.js';
import { createDuban } from '../../core/index.js';
import { resolvePluginModule } from '../../core/plugin/resolvePluginModule.js';
import { builtinPlugins } from '../../plugins/index.js';

const plugin = (id: string, commands: string[]) =>
  `export const plugin = ${JSON.stringify({ id, version: '1.0.0', engine: '^0.1.0', title: { 'zh-CN': id, en: id } }).slice(0, -1)}, commands: [${commands
    .map((name) => `{ name: '${name}', summary: { 'zh-CN': '命令', en: 'a command' }, run: async () => ({}) }`)
    .join(', ')}] };\n`;

describe('plugins named in the config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duban-plugin-resolve-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // An ESM-only package: its `exports` has only an `import` condition.
  const pkg = join(dir, 'node_modules/@hospital/duban-esm-only');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@hospital/duban-esm-only', version: '1.0.0', type: 'module', exports: { '.': { import: './plugin.js' } } }));
  writeFileSync(join(pkg, 'plugin.js'), plugin('esm-only', ['esm-only hello']));
  mkdirSync(join(dir, 'local'));
  writeFileSync(join(dir, 'local/package.json'), JSON.stringify({ name: 'local', type: 'module', exports: './dist/index.js' }));
  mkdirSync(join(dir, 'local/dist'));
  writeFileSync(join(dir, 'local/dist/index.js'), plugin('shadow-findings', ['findings purge']));
  writeFileSync(join(dir, 'usurper.js'), plugin('usurper', ['tb peek']));

  it('resolves an ESM-only package by name from the config’s folder, which require.resolve cannot', () => {
    expect(() => createRequire(join(dir, 'duban.config.js')).resolve('@hospital/duban-esm-only')).toThrow();
    expect(resolvePluginModule('@hospital/duban-esm-only', dir)).toBe(`file://${join(pkg, 'plugin.js')}`);
    expect(resolvePluginModule('./local', dir)).toBe(`file://${join(dir, 'local/dist/index.js')}`);
    expect(() => resolvePluginModule('@hospital/missing', dir)).toThrow(/PLUGIN_LOAD_FAILED|cannot find plugin "@hospital\/missing"/);
  });

  it('loads them, and disables a plugin whose command group is a core command or another plugin’s, saying why', async () => {
    const config = { configDir: dir, plugins: ['@hospital/duban-esm-only', './local', './usurper.js'] } as Parameters<typeof configPlugins>[0];
    const duban = await createDuban({ db: join(dir, 'd.db'), plugins: [...builtinPlugins, ...configPlugins(config)], reservedCommandGroups: CORE_COMMANDS });
    try {
      expect(duban.plugins.loaded.map((p) => p.id)).toContain('esm-only');
      expect(duban.plugins.disabled.map((d) => [d.id, d.code, d.message])).toEqual([
        ['shadow-findings', 'PLUGIN_MANIFEST_INVALID', 'plugin shadow-findings disabled: its command group "findings" is a core command of duban'],
        ['usurper', 'PLUGIN_MANIFEST_INVALID', 'plugin usurper disabled: its command group "tb" belongs to plugin tb-lab'],
      ]);
    } finally {
      await duban.close();
    }
  });
});
