import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../cli/buildProgram.js';
import { CLI_TEST_TIMEOUT, runDuban } from '../support/cli.js';
import { startTmux } from '../tui/support/tmuxSession.js';

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

  it('zsh completes in a real line editor (tmux): a command word, then a subcommand with its descriptions', async () => {
    const zsh = startTmux(['zsh', '-f'], { TERM: 'xterm-256color', PS1: '> ' });
    try {
      await zsh.waitFor('>');
      zsh.type(`autoload -U compinit && compinit -u -D && source ${scripts.zsh} && print sourced`);
      zsh.keys('Enter');
      await zsh.waitFor((screen) => /^sourced\n>/m.test(screen));
      zsh.type('duban --db x.db fin');
      zsh.keys('Tab');
      await zsh.waitFor('> duban --db x.db findings');
      zsh.type('evi');
      zsh.keys('Tab');
      await zsh.waitFor('> duban --db x.db findings evidence');
      zsh.keys('C-u');
      zsh.type('duban org import -');
      zsh.keys('Tab');
      const listed = await zsh.waitFor('--format');
      expect(listed).toMatch(/--json +-- print JSON/);
      expect(listed).toMatch(/--lang +-- language/);
    } finally {
      zsh.kill();
    }
  }, CLI_TEST_TIMEOUT);

  it('an unknown shell is a usage error', async () => {
    const refused = await runDuban(['completion', 'ksh']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^duban: USAGE: .*'ksh'.*bash, zsh, fish/);
  }, CLI_TEST_TIMEOUT);
});
