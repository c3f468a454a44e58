import type { CompletionNode, CompletionTree } from './completionTree.js';
import { shQuote } from './shellQuote.js';

/**
 * The zsh completion script of a {@link CompletionTree}, walking the typed words as
 * {@link bashCompletion} does, with each command's and option's description shown.
 */
export function zshCompletion(tree: CompletionTree): string {
  const p = tree.program;
  const described = (name: string, items: (node: CompletionNode) => readonly string[]) =>
    [
      `_${p}_${name}() {`,
      '  case "$1" in',
      ...tree.nodes.map((node) => `    ${shQuote(node.path)}) reply=(${items(node).map(shQuote).join(' ')}) ;;`),
      '    *) reply=() ;;',
      '  esac',
      '}',
    ].join('\n');
  // _describe splits "name:description" at the first colon.
  const optionItems = (options: CompletionTree['globalOptions']) => options.flatMap((o) => o.words.map((w) => `${w}:${o.description}`));
  const globalValued = tree.globalOptions.filter((o) => o.takesValue).flatMap((o) => o.words);
  return `#compdef ${p}
# ${p} completion for zsh: \`source <(${p} completion zsh)\` after compinit, or save it as _${p}
# in a folder of $fpath.
${described('commands', (node) => node.commands.map((c) => `${c.name}:${c.description}`))}
${described('options', (node) => [...optionItems(node.options), ...optionItems(tree.globalOptions)])}
${described('valued', (node) => [...node.options.filter((o) => o.takesValue).flatMap((o) => o.words), ...globalValued])}
_${p}() {
  local cmdpath=${shQuote(p)} word i
  local -a reply names
  for ((i = 2; i < CURRENT; i++)); do
    word=\${words[i]}
    if [[ $word == -* ]]; then
      _${p}_valued "$cmdpath"
      if [[ $word != *=* && \${reply[(Ie)$word]} -gt 0 ]]; then
        i=$((i + 1))
        # The word being completed is this option's value: offer file names.
        if ((i == CURRENT)); then _files; return; fi
      fi
    else
      _${p}_commands "$cmdpath"
      names=(\${reply%%:*})
      (( \${names[(Ie)$word]} )) && cmdpath="$cmdpath $word"
    fi
  done
  if [[ \${words[CURRENT]} == -* ]]; then
    _${p}_options "$cmdpath"
    _describe -t options option reply
  else
    _${p}_commands "$cmdpath"
    if (( \${#reply} )); then _describe -t commands command reply; else _files; fi
  fi
}
if [[ $funcstack[1] == _${p} ]]; then _${p} "$@"; else compdef _${p} ${p}; fi
`;
}
