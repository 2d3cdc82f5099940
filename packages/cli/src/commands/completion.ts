import { Argument, type CommandUnknownOpts } from '@commander-js/extra-typings'
import { defineCommand } from '../command-definition.js'
import { bashCompletion } from '../completion/bash.js'
import { commandTree } from '../completion/command-tree.js'
import { fishCompletion } from '../completion/fish.js'
import { zshCompletion } from '../completion/zsh.js'
import { ExitCode } from '../exit-codes.js'

const SHELLS = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion } as const

export const completionCommand = defineCommand({
  name: 'completion',
  description: 'print a shell completion script for bash, zsh or fish (commands, flags, vendors)',
  declare: (command) =>
    command.addArgument(
      new Argument('<shell>', 'bash, zsh or fish').choices(['bash', 'zsh', 'fish'] as const),
    ),
  help: "The script is made from this evalrun's own commands and flags, so it matches the version that prints it.",
  examples: [
    'source <(evalrun completion bash)        # in ~/.bashrc',
    'source <(evalrun completion zsh)         # in ~/.zshrc, after compinit',
    'evalrun completion fish > ~/.config/fish/completions/evalrun.fish',
  ],
  async run(ctx, [shell], _flags, command) {
    let root: CommandUnknownOpts = command as unknown as CommandUnknownOpts
    while (root.parent) root = root.parent
    ctx.io.stdout.write(SHELLS[shell](commandTree(root)))
    return ExitCode.ok
  },
})
