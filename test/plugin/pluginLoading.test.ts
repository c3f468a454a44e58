import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { definePlugin, type PluginCandidate, type PluginDefinition } from '../../core/index.js';
import { DIALECTS } from '../support/dialects.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

const base = {
  version: '1.0.0',
  engine: '^0.1.0',
  title: { 'zh-CN': '测试', en: 'Test' },
} as const;

const candidate = (source: string, value: unknown): PluginCandidate => ({ source, load: () => value });

describe.each(DIALECTS)('loading plugins on %s', (dialect) => {
  let duban: TestDuban;
  afterEach(async () => duban?.dispose());

  it('disables each broken plugin with its reason and keeps the others working', async () => {
    const ran: string[] = [];
    const candidates: PluginCandidate[] = [
      candidate('fixture:bad-manifest', { ...base, id: 'Bad Id', register: () => void ran.push('bad-manifest') }),
      candidate('fixture:unknown-key', { ...base, id: 'unknown-key', colour: 'red', register: () => void ran.push('unknown-key') }),
      candidate('fixture:register-throws', { ...base, id: 'register-throws', register: () => { throw new Error('LIS is down'); }, taskTypes: [{ name: 'register-throws.check', title: base.title }] }),
      candidate('fixture:engine-mismatch', { ...base, id: 'engine-mismatch', engine: '>=2.0.0', register: () => void ran.push('engine-mismatch') }),
      { source: 'fixture:import-fails', load: () => Promise.reject(new Error("Cannot find module 'lis-client'")) },
      candidate('fixture:duplicate', { ...base, id: 'quality-office' }),
      candidate('fixture:migration-fails', {
        ...base,
        id: 'migration-fails',
        migrations: { '001': { up: async () => { throw new Error('syntax error near "tabel"'); } } },
      }),
      candidate('fixture:good', definePlugin({ ...base, id: 'good', register: () => void ran.push('good') })),
    ];
    duban = await startTestDuban(dialect, { extraPlugins: candidates });

    const disabled = Object.fromEntries(duban.plugins.disabled.map((d) => [d.source, { code: d.code, message: d.message }]));
    expect(disabled).toEqual({
      'fixture:bad-manifest': { code: 'PLUGIN_MANIFEST_INVALID', message: expect.stringMatching(/^plugin fixture:bad-manifest disabled: fixture:bad-manifest: id: /) },
      'fixture:unknown-key': { code: 'PLUGIN_MANIFEST_INVALID', message: expect.stringMatching(/colour|Unrecognized key/) },
      'fixture:register-throws': { code: 'PLUGIN_REGISTER_FAILED', message: 'plugin register-throws disabled: register() threw: LIS is down' },
      'fixture:engine-mismatch': { code: 'PLUGIN_ENGINE_MISMATCH', message: expect.stringMatching(/needs engine >=2\.0\.0; this is 0\.1\.0/) },
      'fixture:import-fails': { code: 'PLUGIN_LOAD_FAILED', message: expect.stringMatching(/cannot load fixture:import-fails: Cannot find module 'lis-client'/) },
      'fixture:duplicate': { code: 'PLUGIN_MANIFEST_INVALID', message: expect.stringMatching(/"quality-office" is already loaded/) },
      'fixture:migration-fails': { code: 'DB_OPEN_FAILED', message: expect.stringMatching(/^plugin migration-fails disabled: .*syntax error near "tabel"/) },
    });
    // Metadata is checked before any plugin function runs: only the good plugin's register ran.
    expect(ran).toEqual(['good']);
    expect(duban.plugins.loaded.map((p) => p.id)).toEqual(expect.arrayContaining(['quality-office', 'good']));
    // A disabled plugin leaves no task type behind.
    expect(duban.plugins.lookup('register-throws.check')).toBeUndefined();
    const started = await duban.engine.start('spot-check', { department: 'CT', candidates: ['p1'], count: 1 }, 'alice');
    expect((await duban.engine.get(started.id)).state).toBe('inspecting');
  });

  it('runs a plugin’s own migrations with their own history table', async () => {
    const withTable: PluginDefinition = definePlugin({
      ...base,
      id: 'with-table',
      migrations: {
        '001_slides': {
          async up(db: Kysely<any>) {
            await db.schema.createTable('with_table_slides').addColumn('id', 'text', (c) => c.primaryKey()).execute();
          },
        },
      },
    });
    duban = await startTestDuban(dialect, { extraPlugins: [candidate('fixture:with-table', withTable)] });
    expect(duban.plugins.disabled).toEqual([]);
    const tables = (await duban.store.db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['with_table_slides', 'duban_plugin_with_table_migration']));
  });

  it('definePlugin returns a frozen value', () => {
    const plugin = definePlugin({ ...base, id: 'frozen', readsChains: ['corrective-meeting'] });
    expect(Object.isFrozen(plugin)).toBe(true);
    expect(Object.isFrozen(plugin.readsChains)).toBe(true);
    expect(() => {
      (plugin as { id: string }).id = 'changed';
    }).toThrow(TypeError);
  });
});
