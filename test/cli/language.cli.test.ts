import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT, REPO_ROOT, runDuban, type CliOptions } from '../support/cli.js';

const CHINESE_HELP = /显示帮助/;
const ENGLISH_HELP = /show help/;

describe('the CLI language: --lang, DUBAN_LANG, config lang:, the locale', () => {
  let dir: string;
  // No DUBAN_LANG, an English locale: what is left to choose the language is under test.
  const env = (extra: Record<string, string> = {}): CliOptions['env'] => ({ DUBAN_LANG: '', LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8', ...extra });
  /** A folder with a `duban.config.yaml` of this text. */
  const withConfig = (name: string, text: string): string => {
    const at = join(dir, name);
    mkdirSync(at);
    writeFileSync(join(at, 'duban.config.yaml'), text);
    return at;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'duban-lang-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes --lang in both forms, before DUBAN_LANG and the locale', async () => {
    for (const args of [['--lang', 'zh-CN', '--help'], ['--lang=zh-CN', '--help'], ['findings', 'list', '--help', '--lang=zh-CN']]) {
      const shown = await runDuban(args, { cwd: dir, env: env({ DUBAN_LANG: 'en' }) });
      expect(shown.code, args.join(' ')).toBe(0);
      expect(shown.stdout, args.join(' ')).toMatch(CHINESE_HELP);
    }
    expect((await runDuban(['--lang=en', '--help'], { cwd: dir, env: env({ LANG: 'zh_CN.UTF-8' }) })).stdout).toMatch(ENGLISH_HELP);
    expect((await runDuban(['--help'], { cwd: dir, env: env({ LANG: 'zh_CN.UTF-8' }) })).stdout).toMatch(CHINESE_HELP);
  }, CLI_TEST_TIMEOUT);

  it('an unknown language is USAGE naming --lang or DUBAN_LANG and the accepted ones, said in the locale’s language', async () => {
    const flag = await runDuban(['--lang', 'fr', 'findings', 'list'], { cwd: dir, env: env() });
    expect([flag.code, flag.stderr]).toEqual([2, 'duban: USAGE: --lang "fr": not a language duban speaks; give one of zh-CN, en\n']);
    const equals = await runDuban(['findings', 'list', '--lang=fr'], { cwd: dir, env: env({ LANG: 'zh_CN.UTF-8' }) });
    expect(equals.code).toBe(2);
    expect(equals.stderr).toMatch(/^duban: USAGE: .+：--lang "fr": not a language duban speaks; give one of zh-CN, en\n$/);
    const variable = await runDuban(['--help'], { cwd: dir, env: env({ DUBAN_LANG: 'fr' }) });
    expect([variable.code, variable.stderr]).toEqual([2, 'duban: USAGE: DUBAN_LANG "fr": not a language duban speaks; give one of zh-CN, en\n']);
  }, CLI_TEST_TIMEOUT);

  it('takes the config file’s lang: after --lang and DUBAN_LANG, before the locale', async () => {
    const zh = withConfig('zh', 'lang: zh-CN\n');
    expect((await runDuban(['--help'], { cwd: zh, env: env() })).stdout).toMatch(CHINESE_HELP);
    expect((await runDuban(['findings', 'list', '--help'], { cwd: zh, env: env() })).stdout).toMatch(CHINESE_HELP);
    expect((await runDuban(['--help', '--config', join(zh, 'duban.config.yaml')], { cwd: dir, env: env() })).stdout).toMatch(CHINESE_HELP);
    expect((await runDuban(['--help', `--config=${join(zh, 'duban.config.yaml')}`], { cwd: dir, env: env() })).stdout).toMatch(CHINESE_HELP);
    expect((await runDuban(['--lang', 'en', '--help'], { cwd: zh, env: env() })).stdout).toMatch(ENGLISH_HELP);
    expect((await runDuban(['--help'], { cwd: zh, env: env({ DUBAN_LANG: 'en' }) })).stdout).toMatch(ENGLISH_HELP);
    const en = withConfig('en', 'lang: en\n');
    expect((await runDuban(['--help'], { cwd: en, env: env({ LANG: 'zh_CN.UTF-8' }) })).stdout).toMatch(ENGLISH_HELP);
  }, CLI_TEST_TIMEOUT);

  it('config lang: fr is CONFIG_INVALID naming the file and the field; --version reads no config', async () => {
    const fr = withConfig('fr', 'lang: fr\n');
    for (const args of [['--help'], ['chains', 'list']]) {
      const refused = await runDuban(args, { cwd: fr, env: env() });
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stderr).toMatch(new RegExp(`^duban: CONFIG_INVALID: ${join(fr, 'duban.config.yaml').replace(/[.\\/]/g, '\\$&')}: lang: `));
    }
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runDuban(['--version'], { cwd: fr, env: env() })).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  }, CLI_TEST_TIMEOUT);
});
