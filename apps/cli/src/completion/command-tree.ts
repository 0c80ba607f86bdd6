import type { Command, Option } from 'commander';

/** One node of the command tree as completion sees it: `bbws tenants list` and what may follow it. */
export interface CompletionNode {
  /** Space-separated, from the program's name: `bbws tenants list`. */
  path: string;
  subcommands: { name: string; description: string }[];
  /** Every flag the node accepts (its own and the program's), with descriptions. */
  options: { flag: string; description: string }[];
  /** The flags among `options` that take a value (the next word is that value, not a command). */
  valued: string[];
}

const flagsOf = (option: Option) =>
  [option.short, option.long].filter((flag): flag is string => Boolean(flag));
/** The CLI's own version flag: only meaningful before any command. */
const isVersion = (option: Option) => option.short === '-V' || option.long === '--version';
const takesValue = (option: Option) => option.required || option.optional;
const HELP = [
  { flag: '-h', description: 'display help for command' },
  { flag: '--help', description: 'display help for command' },
];

/** Walks `program`'s commands depth first; every node knows its own and the program's (global) options. */
export function commandTree(program: Command): CompletionNode[] {
  const globals = program.options.filter((option) => !option.hidden);
  const nodes: CompletionNode[] = [];
  const visit = (command: Command, path: string) => {
    const options =
      command === program
        ? globals
        : [
            ...command.options.filter((option) => !option.hidden),
            ...globals.filter((option) => !isVersion(option)),
          ];
    nodes.push({
      path,
      subcommands: command.commands.map((sub) => ({ name: sub.name(), description: sub.description() })),
      options: [
        ...options.flatMap((option) =>
          flagsOf(option).map((flag) => ({ flag, description: option.description })),
        ),
        ...HELP,
      ],
      valued: options.filter(takesValue).flatMap(flagsOf),
    });
    for (const sub of command.commands) visit(sub, `${path} ${sub.name()}`);
  };
  visit(program, program.name());
  return nodes;
}
