import type { CompletionNode, CompletionTree } from './completionTree.js';
import { shQuote } from './shellQuote.js';

/**
 * The bash completion script of a {@link CompletionTree}. The words typed so far are
 * walked like commander parses them: an option that takes a value skips the next word, a
 * subcommand name moves down the tree. Then `-…` completes options (the command's and the
 * program's), anything else the subcommands; a command without any falls back to file names.
 */
export function bashCompletion(tree: CompletionTree): string {
  const fn = `_${tree.program}_completion`;
  const lookup = (name: string, words: (node: CompletionNode) => readonly string[]) =>
    [
      `${name}() {`,
      '  case "$1" in',
      ...tree.nodes.map((node) => `    ${shQuote(node.path)}) echo ${shQuote(words(node).join(' '))} ;;`),
      '  esac',
      '}',
    ].join('\n');
  const globalWords = tree.globalOptions.flatMap((o) => o.words);
  const globalValued = tree.globalOptions.filter((o) => o.takesValue).flatMap((o) => o.words);
  return `# ${tree.program} completion for bash: \`source <(${tree.program} completion bash)\`, or save it as
# ~/.local/share/bash-completion/completions/${tree.program}
${lookup(`_${tree.program}_commands`, (node) => node.commands.map((c) => c.name))}
${lookup(`_${tree.program}_options`, (node) => [...node.options.flatMap((o) => o.words), ...globalWords])}
${lookup(`_${tree.program}_valued`, (node) => [...node.options.filter((o) => o.takesValue).flatMap((o) => o.words), ...globalValued])}
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmdpath=${shQuote(tree.program)} word i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if [[ $word == -* ]]; then
      if [[ $word != *=* && " $(_${tree.program}_valued "$cmdpath") " == *" $word "* ]]; then
        i=$((i + 1))
        # The word being completed is this option's value: offer file names.
        ((i == COMP_CWORD)) && return 0
      fi
    elif [[ " $(_${tree.program}_commands "$cmdpath") " == *" $word "* ]]; then
      cmdpath="$cmdpath $word"
    fi
  done
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_${tree.program}_options "$cmdpath")" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$(_${tree.program}_commands "$cmdpath")" -- "$cur"))
  fi
}
complete -o default -F ${fn} ${tree.program}
`;
}
