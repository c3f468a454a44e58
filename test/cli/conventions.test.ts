import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTestOrg } from '../support/testDuban.js';
import { CLI_TEST_TIMEOUT, REPO_ROOT, runDuban, runDubanJson, type CliOptions } from '../support/cli.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CODED_ERROR = /^duban: [A-Z][A-Z_]+: \S/;

// The read commands of the core, each with a check of what its JSON holds.
const JSON_READS: [string[], (value: any) => void][] = [
  [['chains', 'list', '--json'], (v) => expect(v).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'spot-check', version: 2 })]))],
  [['chains', 'show', 'spot-check', '--json'], (v) => expect(v).toMatchObject({ id: 'spot-check', initial: 'drawing' })],
  [['instances', 'list', '--json'], (v) => expect(v).toEqual([expect.objectContaining({ chainId: 'spot-check', createdAt: expect.stringMatching(ISO_INSTANT) })])],
  [['instances', 'show', '<id>', '--json'], (v) => expect(v).toMatchObject({ state: 'inspecting', timers: [{ dueAt: expect.stringMatching(ISO_INSTANT) }] })],
  [['audit', 'verify', '--json'], (v) => expect(v).toMatchObject({ ok: true })],
  [['incidents', 'list', '--json'], (v) => expect(v).toEqual([])],
  [['plugins', 'list', '--json'], (v) => expect(v.plugins.map((p: { id: string }) => p.id)).toContain('quality-office')],
  [['init', '--json'], (v) => expect(v).toMatchObject({ dialect: 'sqlite', chains: expect.arrayContaining(['spot-check@2']) })],
  [['serve', '--once', '--json'], (v) => expect(v).toMatchObject({ timers: 0, outbox: 0 })],
];

describe('CLI conventions', () => {
  let dir: string;
  let cli: CliOptions;
  let instanceId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-conventions-'));
    cli = { db: join(dir, 'duban.db'), now: '2026-03-02T01:00:00.000Z' };
    await seedTestOrg(cli.db!);
    const input = JSON.stringify({ department: 'CT', candidates: ['p1', 'p2'], count: 1 });
    instanceId = (await runDubanJson(['run', 'spot-check', '--input', input, '--as', 'alice', '--json'], cli)).id;
    // The first pass of serve anchors the audit log; the passes compared below have nothing to do.
    await runDubanJson(['serve', '--once', '--json'], cli);
  }, CLI_TEST_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--version prints package.json version and exits 0; --help exits 0', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runDuban(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    // Alone it is answered before the command tree loads; after an option, by the tree: the same.
    for (const args of [['-V'], ['--lang', 'en', '--version'], ['--db', 'x.db', '-V']]) expect(await runDuban(args), args.join(' ')).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    const help = await runDuban(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: duban /);
  }, CLI_TEST_TIMEOUT);

  it('JSON nested too deep or too large is INPUT_INVALID naming the option, and writes nothing', async () => {
    const before = (await runDubanJson(['instances', 'show', instanceId, '--json'], cli)).revision;
    // 15 000 levels: deep enough to overflow a recursive walk, short enough for one argv string (128 KiB).
    const deep = `${'{"a":'.repeat(15_000)}1${'}'.repeat(15_000)}`;
    const refused = await runDuban(['send', instanceId, 'SUBMIT', '--data', deep, '--as', 'alice'], cli);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^duban: INPUT_INVALID: --data: JSON nested \d+ levels deep; at most 32 are taken/);
    expect(refused.stderr).not.toMatch(/RangeError|at .*\.js:\d+/);
    const { parseJsonOption } = await import('../../cli/output.js');
    expect(() => parseJsonOption(JSON.stringify({ text: 'x'.repeat(1_000_001) }), '--input')).toThrow(/--input: \d+ bytes of JSON; at most 1000000 are taken/);
    expect(parseJsonOption(JSON.stringify({ a: { b: { c: [1, { d: 2 }] } } }), '--data')).toEqual({ a: { b: { c: [1, { d: 2 }] } } });
    expect((await runDubanJson(['instances', 'show', instanceId, '--json'], cli)).revision).toBe(before);
  }, CLI_TEST_TIMEOUT);

  it('a count below its range is USAGE naming the option, not a silent empty list', async () => {
    for (const args of [['findings', 'list', '--limit', '-3'], ['instances', 'list', '--limit', '0'], ['run', 'spot-check', '--chain-version', '0']]) {
      const refused = await runDuban(args, cli);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(new RegExp(`^duban: USAGE: ${args[args.length - 2]}: -?\\d+ is out of range`));
    }
  }, CLI_TEST_TIMEOUT);

  it('a chain version is --chain-version: the global --version never swallows it', async () => {
    const shown = await runDubanJson(['chains', 'show', 'spot-check', '--chain-version', '2', '--json'], cli);
    expect([shown.id, shown.version]).toEqual(['spot-check', 2]);
    const missing = await runDuban(['chains', 'show', 'spot-check', '--chain-version', '1'], cli);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/CHAIN_NOT_FOUND/);
  }, CLI_TEST_TIMEOUT);

  it.each(JSON_READS.map(([args, check]) => [args.join(' '), args, check] as const))('`duban %s` prints JSON with English keys in either language', async (_name, args, check) => {
    const argv = args.map((a) => (a === '<id>' ? instanceId : a));
    const english = await runDubanJson(argv, cli);
    check(english);
    // Keys and values are stable: the Chinese interface prints the same JSON.
    const chinese = await runDubanJson([...argv, '--lang', 'zh-CN'], cli);
    expect(chinese).toEqual(english);
  }, CLI_TEST_TIMEOUT);

  it.each([
    ['bad --input JSON', ['run', 'spot-check', '--input', '{department:'], 'USAGE', /--input: not valid JSON/],
    ['--input that is not an object', ['run', 'spot-check', '--input', '[1,2]'], 'USAGE', /--input: expected a JSON object/],
    ['bad --data JSON', ['send', '<id>', 'SUBMIT', '--data', 'passed=true'], 'USAGE', /--data: not valid JSON/],
    ['a --revision that is not a number', ['send', '<id>', 'SUBMIT', '--revision', 'two'], 'USAGE', /--revision: "two" is not a whole number/],
    ['an unknown command', ['frobnicate'], 'USAGE', /unknown command 'frobnicate'/],
    ['an unknown option', ['instances', 'list', '--colour'], 'USAGE', /unknown option '--colour'/],
    ['a missing argument', ['send', '<id>'], 'USAGE', /missing required argument 'event'/],
  ])('a usage error (%s) exits 2 with `duban: USAGE: ...` on stderr and nothing on stdout', async (_name, args, code, why) => {
    const result = await runDuban(args.map((a) => (a === '<id>' ? instanceId : a)), cli);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^duban: ${code}: `));
    expect(result.stderr).toMatch(why);
  }, CLI_TEST_TIMEOUT);

  it('a bad DUBAN_NOW is a usage error too', async () => {
    const result = await runDuban(['instances', 'list'], { ...cli, now: 'next tuesday' });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/^duban: USAGE: DUBAN_NOW="next tuesday" is not an ISO 8601 instant/);
  }, CLI_TEST_TIMEOUT);

  it.each([
    ['an unknown instance', ['instances', 'show', 'i-nope'], 'INSTANCE_NOT_FOUND'],
    ['an unknown chain', ['run', 'no-such-chain'], 'CHAIN_NOT_FOUND'],
    ['invalid input', ['run', 'spot-check', '--input', '{"candidates":[]}'], 'INPUT_INVALID'],
    ['an event the step does not accept', ['send', '<id>', 'APPROVE'], 'EVENT_NOT_ACCEPTED'],
    ['an invalid form', ['send', '<id>', 'SUBMIT', '--data', '{"passed":false}'], 'FORM_INVALID'],
    ['an unsupported database', ['--db', 'mysql://db/duban', 'instances', 'list'], 'DB_UNSUPPORTED_TARGET'],
  ])('a failure (%s) exits 1 with `duban: CODE: message` on stderr', async (_name, args, code) => {
    const result = await runDuban(args.map((a) => (a === '<id>' ? instanceId : a)), cli);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(CODED_ERROR);
    expect(result.stderr.startsWith(`duban: ${code}: `)).toBe(true);
  }, CLI_TEST_TIMEOUT);

  it('in Chinese the code stays first and the headline is translated', async () => {
    const result = await runDuban(['instances', 'show', 'i-nope', '--lang', 'zh-CN'], cli);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^duban: INSTANCE_NOT_FOUND: [^\x00-\x7F]+：no instance "i-nope"/);
  }, CLI_TEST_TIMEOUT);
});
