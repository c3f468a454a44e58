import type { CompletionOption, CompletionTree } from './completionTree.js';
import { fishQuote } from './shellQuote.js';

/**
 * The fish completion script of a {@link CompletionTree}: a function finds the command the
 * typed words have reached (as {@link bashCompletion} walks them), and each command's
 * subcommands and options are offered under that condition, with their descriptions.
 */
export function fishCompletion(tree: CompletionTree): string {
  const p = tree.program;
  const lookup = (name: string, words: (path: string) => readonly string[]) =>
    [
      `function __${p}_${name}`,
      '    switch $argv[1]',
      ...tree.nodes.flatMap((node) => [`        case ${fishQuote(node.path)}`, `            printf '%s\\n' ${words(node.path).map(fishQuote).join(' ')}`]),
      '    end',
      'end',
    ].join('\n');
  const nodeOf = new Map(tree.nodes.map((n) => [n.path, n]));
  const valued = (options: readonly CompletionOption[]) => options.filter((o) => o.takesValue).flatMap((o) => o.words);
  const complete = (condition: string | undefined, option: CompletionOption) => {
    const spelled = option.words.map((w) => (w.startsWith('--') ? `-l ${w.slice(2)}` : `-s ${w.slice(1)}`)).join(' ');
    return `complete -c ${p}${condition ? ` -n ${fishQuote(condition)}` : ''} ${spelled}${option.takesValue ? ' -r' : ''} -d ${fishQuote(option.description)}`;
  };
  const lines: string[] = [];
  for (const node of tree.nodes) {
    const at = `__${p}_at ${fishQuote(node.path)}`;
    for (const c of node.commands) lines.push(`complete -c ${p} -n ${fishQuote(at)} -a ${fishQuote(c.name)} -d ${fishQuote(c.description)}`);
    for (const option of node.options) lines.push(complete(at, option));
    // A command with arguments (a file, an id) and no subcommands may be given file names.
    if (node.takesArguments && node.commands.length === 0) lines.push(`complete -c ${p} -n ${fishQuote(at)} -F`);
  }
  return `# ${p} completion for fish: \`${p} completion fish | source\`, or save it as
# ~/.config/fish/completions/${p}.fish
${lookup('commands', (path) => nodeOf.get(path)!.commands.map((c) => c.name))}
${lookup('valued', (path) => [...valued(nodeOf.get(path)!.options), ...valued(tree.globalOptions)])}
function __${p}_path
    set -l cmdpath ${fishQuote(p)}
    set -l skip 0
    for word in (commandline -opc)[2..-1]
        if test $skip = 1
            set skip 0
        else if string match -q -- '-*' $word
            if not string match -q -- '*=*' $word; and contains -- $word (__${p}_valued $cmdpath)
                set skip 1
            end
        else if contains -- $word (__${p}_commands $cmdpath)
            set cmdpath "$cmdpath $word"
        end
    end
    echo $cmdpath
end
function __${p}_at
    test (__${p}_path) = $argv[1]
end
complete -c ${p} -f
${tree.globalOptions.map((o) => complete(undefined, o)).join('\n')}
${lines.join('\n')}
`;
}
