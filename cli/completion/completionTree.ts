import type { Command } from 'commander';

/** An option as completion offers it. */
export interface CompletionOption {
  /** `--limit`, `-o`: every spelling. */
  readonly words: readonly string[];
  /** True when the next word is the option's value (`--limit 5`), not a command. */
  readonly takesValue: boolean;
  readonly description: string;
}

/** One command of the tree, by its path of words from the program (`duban findings list`). */
export interface CompletionNode {
  readonly path: string;
  /** The subcommands, or when there are none the choices of the first argument (`completion bash|zsh|fish`). */
  readonly commands: readonly { readonly name: string; readonly description: string }[];
  readonly options: readonly CompletionOption[];
  /** True when the command takes arguments (a file, an id): the shell may offer file names. */
  readonly takesArguments: boolean;
}

/** What a completion script needs: every command, and the program's options, valid after any command. */
export interface CompletionTree {
  readonly program: string;
  readonly nodes: readonly CompletionNode[];
  readonly globalOptions: readonly CompletionOption[];
}

/**
 * Walks commander's command tree as help shows it (visible commands and options, help
 * and version included), so a completion script offers exactly what the program parses.
 */
export function completionTree(program: Command): CompletionTree {
  const nodes: CompletionNode[] = [];
  const globalOptions = program.createHelp().visibleOptions(program).map(optionOf);
  // Each command's own -h/--help is the program's too: offered once, as a global option.
  const global = new Set(globalOptions.flatMap((o) => o.words));
  const walk = (command: Command, path: string) => {
    const help = command.createHelp();
    const commands = help.visibleCommands(command);
    nodes.push({
      path,
      commands:
        commands.length > 0
          ? commands.flatMap((c) => [c.name(), ...c.aliases()].map((name) => ({ name, description: oneLine(c.description()) })))
          : (command.registeredArguments[0]?.argChoices ?? []).map((name) => ({ name, description: '' })),
      options: command === program ? [] : help.visibleOptions(command).map(optionOf).filter((o) => !o.words.some((w) => global.has(w))),
      takesArguments: command.registeredArguments.length > 0,
    });
    for (const sub of commands) walk(sub, `${path} ${sub.name()}`);
  };
  walk(program, program.name());
  return { program: program.name(), nodes, globalOptions };
}

function optionOf(option: Command['options'][number]): CompletionOption {
  return {
    words: [option.long, option.short].filter((w): w is string => w !== undefined),
    takesValue: option.required || option.optional,
    description: oneLine(option.description),
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
