import { Argument, type Command } from 'commander';
import type { CliContext } from './CommandContext.js';

/** The shells `duban completion` writes a script for. */
export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;

/**
 * `duban completion bash|zsh|fish`: prints the shell's completion script, generated from
 * the command tree itself, plugins' command groups included (which loads the plugins).
 */
export function registerCompletionCommand(program: Command, ctx: CliContext): void {
  const { say } = ctx;
  program
    .command('completion')
    .addArgument(new Argument('<shell>', say({ 'zh-CN': 'bash、zsh 或 fish', en: 'bash, zsh or fish' })).choices(COMPLETION_SHELLS))
    .description(say({ 'zh-CN': '输出 shell 补全脚本（bash、zsh 或 fish）', en: 'print the shell completion script (bash, zsh or fish)' }))
    .action(async (shell: (typeof COMPLETION_SHELLS)[number], _opts: unknown, command: Command) => {
      const { registerPluginProvidedCommands } = await import('./pluginProvided.js');
      const { completionTree } = await import('../completion/completionTree.js');
      const root = command.parent!;
      await registerPluginProvidedCommands(root, ctx, root.opts<{ config?: string }>().config);
      const tree = completionTree(root);
      const render = {
        bash: async () => (await import('../completion/bashCompletion.js')).bashCompletion(tree),
        zsh: async () => (await import('../completion/zshCompletion.js')).zshCompletion(tree),
        fish: async () => (await import('../completion/fishCompletion.js')).fishCompletion(tree),
      }[shell];
      process.stdout.write(await render());
    });
}
