import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../cli/buildProgram.js';
import { CLI_TEST_TIMEOUT, runDuban } from '../support/cli.js';

/** The subcommands of `duban findings` as the program itself defines them. */
async function findingsSubcommands(): Promise<string[]> {
  const program = await buildProgram(['node', 'duban', 'findings'], 'en');
  return program.commands.find((c) => c.name() === 'findings')!.commands.map((c) => c.name());
}

describe('duban completion bash|zsh|fish', () => {
  let dir: string;
  const scripts: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'duban-completion-'));
    for (const shell of ['bash', 'zsh', 'fish']) {
      const printed = await runDuban(['completion', shell]);
      expect([printed.code, printed.stderr]).toEqual([0, '']);
      scripts[shell] = join(dir, `duban.${shell}`);
      writeFileSync(scripts[shell], printed.stdout);
    }
  }, CLI_TEST_TIMEOUT);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('each script passes its shell’s syntax check', () => {
    for (const shell of ['bash', 'zsh', 'fish']) execFileSync(shell, ['-n', scripts[shell]!]);
  });

  it('bash completes commands, subcommands, plugin groups and options, skipping option values', async () => {
    const complete = (...words: string[]) =>
      execFileSync('bash', ['-c', `source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _duban_completion; printf '%s\\n' "\${COMPREPLY[@]}"`, scripts.bash!, ...words], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean);
    expect(complete('duban', 'fin')).toEqual(['findings']);
    expect(complete('duban', 'findings', '')).toEqual([...(await findingsSubcommands()), 'help']);
    expect(complete('duban', '--db', 'findings.db', 'findings', 'l')).toEqual(['list']);
    expect(complete('duban', 'findings', 'list', '--st')).toEqual(['--status']);
    expect(complete('duban', 'findings', 'list', '--l')).toEqual(['--limit', '--lang']);
    expect(complete('duban', 't')).toEqual(['tui', 'tb']);
    expect(complete('duban', 'tb', 'sl')).toEqual(['slides']);
    expect(complete('duban', 'completion', '')).toEqual(['bash', 'zsh', 'fish']);
  });

  it('fish completes the same, with descriptions', () => {
    const complete = (line: string) => execFileSync('fish', ['-c', 'source $argv[1]; complete -C $argv[2]', scripts.fish!, line], { encoding: 'utf8' });
    expect(complete('duban fin')).toBe('findings\tfindings: track, escalate, verify, close\n');
    expect(complete('duban --lang en findings li')).toBe('list\tlist findings, newest first\n');
    expect(complete('duban findings list --st')).toMatch(/^--status\topen, acknowledged/);
    expect(complete('duban tb sl')).toMatch(/^slides\t/);
  });

  it('zsh walks the words the same way (compsys itself runs only inside the line editor: its _describe is replaced by a printer)', () => {
    const complete = (...words: string[]) =>
      execFileSync('zsh', ['-c', 'compdef() { :; }; _describe() { print -l -- "${(@P)4%%:*}"; }; _files() { print FILES; }; source $1; shift; words=("$@"); CURRENT=$#; _duban', 'zsh', scripts.zsh!, ...words], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean);
    expect(complete('duban', 'findings', '')).toContain('evidence');
    expect(complete('duban', '--db', 'x.db', 'findings', 'list', '--')).toContain('--status');
    expect(complete('duban', 'org', 'import', '')).toEqual(['FILES']);
  });

  it('an unknown shell is a usage error', async () => {
    const refused = await runDuban(['completion', 'ksh']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^duban: USAGE: .*'ksh'.*bash, zsh, fish/);
  }, CLI_TEST_TIMEOUT);
});
