import { Command, type CommandUnknownOpts, type OptionValues } from '@commander-js/extra-typings'
import type { CommandContext } from './context.js'
import type { ExitCode } from './exit-codes.js'

/** What a command declares: `run` gets its arguments and options typed from what `declare` adds. */
export interface CommandSpec<Args extends unknown[], Opts extends OptionValues> {
  /** The words that call it: `runs list` is `evalrun runs list`. */
  name: string
  description: string
  /** Adds its arguments and options (and any commander setting) to the fresh command it is given. */
  declare: (command: Command) => Command<Args, Opts>
  /** Printed after the options: refs, rules. */
  help?: string
  /** Command lines, printed last under `Examples:`. */
  examples?: readonly string[]
  run: (ctx: CommandContext, args: Args, options: Opts, command: Command<Args, Opts>) => Promise<ExitCode>
}

/** How the program runs a command: it makes the context from the global flags and keeps the exit code. */
export type Execute = (run: (ctx: CommandContext) => Promise<ExitCode>) => Promise<void>

/** A command as `program.ts` registers it; its argument and option types stay inside. */
export interface CliCommand {
  name: string
  description: string
  /** Declares a fresh commander command under `parent` (with the parent's settings) whose action runs it. */
  attach(parent: CommandUnknownOpts, execute: Execute): void
}

/** Every command takes the program's flags too; its own help says so, as commander lists them only at the top. */
const GLOBAL_FLAGS_HELP =
  "Also: --request-timeout <ms|duration>, -q/--quiet, --no-ci-detect, --debug and the vendors' key flags (evalrun --help)."

export function defineCommand<Args extends unknown[], Opts extends OptionValues>(
  spec: CommandSpec<Args, Opts>,
): CliCommand {
  return {
    name: spec.name,
    description: spec.description,
    attach(parent, execute) {
      const word = spec.name.split(' ').at(-1) ?? spec.name
      // `parent.command()` would copy these settings too; a prepared command gets them here.
      const command = spec.declare(new Command(word).copyInheritedSettings(parent))
      command.description(spec.description)
      const examples = spec.examples?.length
        ? `Examples:\n${spec.examples.map((line) => `  ${line}`).join('\n')}`
        : undefined
      const after = [spec.help, GLOBAL_FLAGS_HELP, examples].filter((text) => text !== undefined)
      if (after.length > 0) command.addHelpText('after', `\n${after.join('\n')}`)
      command.action(() => execute((ctx) => spec.run(ctx, command.processedArgs, command.opts(), command)))
      parent.addCommand(command)
    },
  }
}
