/** The global options that take a value, as the command line gives them before commander parses it. */
export const GLOBAL_OPTIONS_WITH_VALUE = ['--db', '--config', '--as', '--lang'];

/** The first word of the command line that is not a global option or its value. */
export function firstCommandWord(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]!;
    if (GLOBAL_OPTIONS_WITH_VALUE.includes(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** True when the program's own `-V`/`--version` comes before any command word: commander prints the version and stops. */
export function asksForVersion(argv: readonly string[]): boolean {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-V' || arg === '--version') return true;
    if (GLOBAL_OPTIONS_WITH_VALUE.includes(arg)) i++;
    else if (!arg.startsWith('-')) return false;
  }
  return false;
}

/**
 * The value of a global option in `argv` (`--lang x` or `--lang=x`), before commander
 * parses it; nothing after `--` counts, as commander takes those words as arguments.
 */
export function optionValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i]!.startsWith(`${flag}=`)) return argv[i]!.slice(flag.length + 1);
  }
  return undefined;
}
