import type { CommandUnknownOpts } from '@commander-js/extra-typings'

/** One flag as the completion scripts offer it. */
export interface CompletionFlag {
  /** `--min-score`; `--no-ci-detect` for a negated one. */
  long: string
  /** `-q`, when it has one. */
  short: string | null
  description: string
  /** Whether a value follows it (`--vendor <vendor...>`); the word after it is then not a command. */
  takesValue: boolean
  /** The values it accepts, when commander knows them. */
  choices: readonly string[]
}

/** One command of the tree: `runs start datalab` has the path `['runs', 'start', 'datalab']`. */
export interface CompletionNode {
  path: readonly string[]
  description: string
  subcommands: readonly { name: string; description: string }[]
  /** Its own flags, and `--help`. The program's flags (global) are the root's and apply everywhere. */
  flags: readonly CompletionFlag[]
}

/** Every command under (and with) `root`, parents before children, read from commander's own tree. */
export function commandTree(root: CommandUnknownOpts): CompletionNode[] {
  const nodes: CompletionNode[] = []
  const visit = (command: CommandUnknownOpts, path: string[]) => {
    nodes.push({
      path,
      description: command.description(),
      subcommands: command.commands.map((sub) => ({ name: sub.name(), description: sub.description() })),
      flags: [...command.options.filter((option) => !option.hidden).map(toFlag), HELP_FLAG],
    })
    for (const sub of command.commands) visit(sub, [...path, sub.name()])
  }
  visit(root, [])
  return nodes
}

const HELP_FLAG: CompletionFlag = {
  long: '--help',
  short: '-h',
  description: 'display help for command',
  takesValue: false,
  choices: [],
}

function toFlag(option: CommandUnknownOpts['options'][number]): CompletionFlag {
  return {
    long: option.long ?? option.flags,
    short: option.short ?? null,
    description: option.description,
    takesValue: option.required || option.optional,
    choices: option.argChoices ?? [],
  }
}

/** Every flag that takes a value, anywhere in the tree: the word after one is its value. */
export function valueFlags(nodes: readonly CompletionNode[]): string[] {
  const names = nodes.flatMap((node) =>
    node.flags
      .filter((flag) => flag.takesValue)
      .flatMap((flag) => [flag.long, ...(flag.short ? [flag.short] : [])]),
  )
  return [...new Set(names)].sort()
}
