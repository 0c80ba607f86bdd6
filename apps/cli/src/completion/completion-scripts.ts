import type { Command } from 'commander';
import { commandTree, type CompletionNode } from './command-tree';

/** A shell word in single quotes (both shells). */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const firstLine = (text: string) => text.split('\n')[0] ?? '';

function caseFunction(
  name: string,
  nodes: CompletionNode[],
  words: (node: CompletionNode) => string[],
): string {
  const branches = nodes
    .map((node) => ({ node, words: words(node) }))
    .filter((branch) => branch.words.length > 0)
    .map((branch) => `    ${quote(branch.node.path)}) reply=(${branch.words.map(quote).join(' ')}) ;;`);
  return [`${name}() {`, '  reply=()', '  case "$1" in', ...branches, '  esac', '}'].join('\n');
}

/**
 * `bbws completion bash`: commands, subcommands and options from the command tree. The word walk skips
 * options and the values of options that take one, so `bbws --api URL tenants li<TAB>` completes `list`.
 */
export function bashCompletion(program: Command): string {
  const nodes = commandTree(program);
  const name = program.name();
  return `# ${name} completion for bash. Load it with: source <(${name} completion bash)
# or keep it: ${name} completion bash > ~/.local/share/bash-completion/completions/${name}
${caseFunction(`_${name}_subcommands`, nodes, (node) => node.subcommands.map((sub) => sub.name))}
${caseFunction(`_${name}_options`, nodes, (node) => node.options.map((option) => option.flag))}
${caseFunction(`_${name}_valued`, nodes, (node) => node.valued)}
_${name}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmdpath=${quote(name)} word i skip=0
  local -a reply
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    if ((skip)); then skip=0; continue; fi
    if [[ "$word" == -* ]]; then
      _${name}_valued "$cmdpath"
      [[ " \${reply[*]} " == *" $word "* ]] && skip=1
    else
      _${name}_subcommands "$cmdpath"
      [[ " \${reply[*]} " == *" $word "* ]] && cmdpath="$cmdpath $word"
    fi
  done
  COMPREPLY=()
  ((skip)) && return 0
  if [[ "$cur" == -* ]]; then
    _${name}_options "$cmdpath"
  else
    _${name}_subcommands "$cmdpath"
  fi
  COMPREPLY=($(compgen -W "\${reply[*]}" -- "$cur"))
}
complete -F _${name} ${name}
`;
}

/** `bbws completion zsh`: the same tree with descriptions (`_describe`). */
export function zshCompletion(program: Command): string {
  const nodes = commandTree(program);
  const name = program.name();
  const described = (entries: { key: string; description: string }[]) =>
    entries.map((entry) => `${entry.key.replace(/:/g, '\\:')}:${firstLine(entry.description)}`);
  return `#compdef ${name}
# ${name} completion for zsh. Load it (after compinit) with: source <(${name} completion zsh)
# or keep it as _${name} in a directory of your $fpath.
${caseFunction(`_${name}_subcommands`, nodes, (node) =>
  described(node.subcommands.map((sub) => ({ key: sub.name, description: sub.description }))),
)}
${caseFunction(`_${name}_options`, nodes, (node) =>
  described(node.options.map((option) => ({ key: option.flag, description: option.description }))),
)}
${caseFunction(`_${name}_valued`, nodes, (node) => node.valued)}
_${name}() {
  local cmdpath=${quote(name)} word i skip=0
  local -a reply names described
  for ((i = 2; i < CURRENT; i++)); do
    word=\${words[i]}
    if ((skip)); then skip=0; continue; fi
    if [[ $word == -* ]]; then
      _${name}_valued "$cmdpath"
      (( \${reply[(Ie)$word]} )) && skip=1
    else
      _${name}_subcommands "$cmdpath"
      names=(\${reply%%:*})
      (( \${names[(Ie)$word]} )) && cmdpath="$cmdpath $word"
    fi
  done
  ((skip)) && return 1
  if [[ \${words[CURRENT]} == -* ]]; then
    _${name}_options "$cmdpath"
    described=("\${reply[@]}")
    _describe -t options 'option' described
  else
    _${name}_subcommands "$cmdpath"
    described=("\${reply[@]}")
    _describe -t commands 'command' described
  fi
}
if [[ "\${funcstack[1]}" == "_${name}" ]]; then
  _${name} "$@"
else
  compdef _${name} ${name}
fi
`;
}
