import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { CliCommand } from '../src/command-definition.js'
import { COMMANDS } from '../src/program.js'
import { cli } from './helpers.js'

const commandsFolder = new URL('../src/commands/', import.meta.url)
const isCliCommand = (value: unknown): value is CliCommand =>
  typeof value === 'object' && value !== null && 'attach' in value && 'name' in value
/** Help wraps long lines: compare text with its whitespace folded. */
const folded = (text: string) => text.replace(/\s+/g, ' ')

describe('the commands', () => {
  it('registered are exactly those the files in commands/ define, each file defining the command it is named for', async () => {
    const defined: CliCommand[] = []
    for (const file of readdirSync(commandsFolder).filter((name) => name.endsWith('.ts'))) {
      const module: Record<string, unknown> = await import(new URL(file, commandsFolder).href)
      const definitions = Object.values(module).flat().filter(isCliCommand)
      const named = file.replace(/\.ts$/, '').replaceAll('-', ' ')
      expect(
        definitions.map((command) => command.name),
        file,
      ).toContain(named)
      for (const { name } of definitions)
        expect(name === named || name.startsWith(`${named} `), name).toBe(true)
      defined.push(...definitions)
    }
    expect(new Set(COMMANDS)).toEqual(new Set(defined))
    expect(COMMANDS.length).toBe(defined.length)
  })

  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    '%s has a description, shown in its --help, and is listed in its parent’s',
    async (name, command) => {
      expect(command.description.trim()).not.toBe('')
      const words = name.split(' ')
      const own = await cli([...words, '--help'], {})
      expect(own.exitCode).toBe(0)
      expect(folded(own.stdout)).toContain(folded(command.description))
      const parent = await cli([...words.slice(0, -1), '--help'], {})
      expect(parent.stdout).toMatch(new RegExp(`^ {2}${words.at(-1)}\\b`, 'm'))
    },
  )
})
