import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNamespace, createPluginText, definePlugin, fixedT, i18nInstance, translate } from '../../core/index.js';
import { commandContext } from '../../core/plugin/commandContext.js';
import { cliText } from '../../cli/i18n/cliText.js';
import { say } from '../../plugins/tb-lab/locales/text.js';
import { startTestDuban, type TestDuban } from '../support/testDuban.js';

describe('plural keys', () => {
  it('count chains and task types for `duban plugins list` in both languages', () => {
    expect([1, 2].map((count) => cliText.t('en', 'plugins.chains', { count }))).toEqual(['1 chain', '2 chains']);
    expect([1, 2].map((count) => cliText.t('zh-CN', 'plugins.chains', { count }))).toEqual(['1 条任务链', '2 条任务链']);
    expect([1, 7].map((count) => cliText.t('en', 'plugins.taskTypes', { count }))).toEqual(['1 task type', '7 task types']);
    expect([1, 7].map((count) => cliText.t('zh-CN', 'plugins.taskTypes', { count }))).toEqual(['1 个任务类型', '7 个任务类型']);
  });

  it("count a round's slides for `duban tb slides` in both languages", () => {
    expect([0, 1, 20].map((count) => say('en', 'out.slides', { count }))).toEqual(['0 slides', '1 slide', '20 slides']);
    expect([1, 20].map((count) => say('zh-CN', 'out.slides', { count }))).toEqual(['1 张', '20 张']);
  });
});

describe('one i18next instance', () => {
  it('holds the namespaces of core, the CLI and the plugins', () => {
    const i18n = i18nInstance();
    expect(i18n.t('tb-lab:out.slides', { lng: 'en', count: 1 })).toBe('1 slide');
    expect(i18n.t('cli:plugins.chains', { lng: 'zh-CN', count: 3 })).toBe('3 条任务链');
    expect(translate('en', 'errors.CHAIN_NOT_FOUND')).toBe('no such chain');
    expect(translate('en', 'plugins.chains', { count: 2 }, 'cli')).toBe('2 chains');
  });

  it('reads a Localized placeholder value in the language of the text', () => {
    const title = { 'zh-CN': '放射科', en: 'Radiology' };
    const both = cliText.both('plugins.summary', { title, taskTypes: 'a', chains: 'b' });
    expect(both).toEqual({ 'zh-CN': '放射科 · a · b', en: 'Radiology · a · b' });
  });

  it('looks a text up again once its namespace arrives (the cache of texts without placeholders)', () => {
    const t = fixedT('en', 'late-namespace');
    expect(t('hello')).toBe('hello');
    addNamespace('late-namespace', { 'zh-CN': { hello: '你好' }, en: { hello: 'Hello' } });
    expect(t('hello')).toBe('Hello');
    expect(fixedT('zh-CN', 'late-namespace')('hello')).toBe('你好');
  });

  it("refuses a plugin id that names duban's own texts", () => {
    expect(() => createPluginText('cli', { 'zh-CN': {}, en: {} })).toThrow(/duban's own texts/);
  });
});

// A third-party plugin that ships only `messages`: the host adds them when it loads the
// plugin, and its command reads them through `ctx.t` in the user's language.
describe('a plugin’s messages, registered by the host', () => {
  const radiology = definePlugin({
    id: 'radiology-texts',
    version: '1.0.0',
    engine: '^0.1.0',
    title: { 'zh-CN': '放射科', en: 'Radiology' },
    messages: {
      'zh-CN': { films_other: '{{count}} 张胶片' },
      en: { films_one: '{{count}} film', films_other: '{{count}} films' },
    },
    commands: [
      {
        name: 'radiology films',
        summary: { 'zh-CN': '胶片', en: 'films' },
        run: async (_options, ctx) => {
          ctx.print(ctx.t('films', { count: 1 }));
          ctx.print(ctx.t('films', { count: 12 }));
          return {};
        },
      },
    ],
  });
  let duban: TestDuban;
  beforeAll(async () => {
    duban = await startTestDuban('sqlite', { extraPlugins: [{ source: 'fixture:radiology-texts', load: () => radiology }] });
  });
  afterAll(async () => duban?.dispose());

  it.each([
    ['en', ['1 film', '12 films']],
    ['zh-CN', ['1 张胶片', '12 张胶片']],
  ] as const)('in %s', async (lang, expected) => {
    expect(duban.plugins.loaded.map((p) => p.id)).toContain('radiology-texts');
    const printed: string[] = [];
    await radiology.commands[0].run({}, commandContext(duban, 'radiology-texts', 'office1', { lang, json: false, print: (text) => void printed.push(text) }));
    expect(printed).toEqual(expected);
  });

  it('a manifest whose id is one of duban’s namespaces is refused before any of its code runs', async () => {
    const other = await startTestDuban('sqlite', { org: false, extraPlugins: [{ source: 'fixture:tui', load: () => ({ ...radiology, id: 'tui', commands: [] }) }] });
    try {
      expect(other.plugins.disabled).toEqual([expect.objectContaining({ source: 'fixture:tui', code: 'PLUGIN_MANIFEST_INVALID', message: expect.stringMatching(/id: core, cli, tui name duban's own texts/) })]);
    } finally {
      await other.dispose();
    }
  });
});
