import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../cli/buildProgram.js';
import { HELP_EXAMPLES } from '../../cli/helpExamples.js';
import { CLI_TEST_TIMEOUT, runDuban } from '../support/cli.js';

/** Every command of the tree, the program included. */
function everyCommand(command: Command): Command[] {
  return [command, ...command.commands.flatMap(everyCommand)];
}

/** The words from the program to `command` (`findings list`). */
function pathOf(command: Command): string {
  const words: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) words.unshift(at.name());
  return words.join(' ');
}

describe('the Examples of the daily commands’ help', () => {
  const examples = Object.entries(HELP_EXAMPLES).flatMap(([path, list]) => list.map((example) => [path, example.args.join(' '), example.args] as const));

  it.each(examples)('%s: `duban %s` parses as written, reaching its command', async (path, _line, args) => {
    const argv = ['node', 'duban', ...args];
    const program = await buildProgram(argv, 'en');
    let reached: string | undefined;
    // Parsed, not run: each command's action only says it was reached.
    for (const command of everyCommand(program)) {
      command.exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
      command.action(() => {
        reached = pathOf(command);
      });
    }
    await program.parseAsync(argv);
    expect(reached).toBeDefined();
    expect(reached === path || reached!.startsWith(`${path} `), `${reached} is not ${path}`).toBe(true);
  });

  it('findings list --help shows them in English and in Chinese', async () => {
    const en = await runDuban(['findings', 'list', '--help', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/\nExamples:\n {2}duban findings list --status active --dept CT\n {6}the CT room’s findings not closed yet\n/);
    const zh = await runDuban(['findings', 'list', '--help', '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/\n示例：\n {2}duban findings list --status active --dept CT\n {6}CT室尚未销号的问题\n/);
    for (const args of [['run', '--help'], ['send', '--help'], ['report', 'monthly', '--help'], ['schedules', 'add', '--help'], ['org', 'import', '--help'], ['findings', '--help']]) {
      expect((await runDuban(args)).stdout, args.join(' ')).toMatch(/\nExamples:\n {2}duban /);
    }
  }, CLI_TEST_TIMEOUT);
});
