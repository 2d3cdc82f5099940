import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BUILT_IN_VENDORS } from 'evalrun'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../src/program.js'
import { cli } from './helpers.js'

/** The script each shell gets, and every command word and flag that `--help` shows anywhere. */
async function script(shell: string): Promise<string> {
  const result = await cli(['completion', shell], {})
  expect(result.exitCode).toBe(0)
  return result.stdout
}

async function everyFlag(): Promise<string[]> {
  const helps = [
    ['--help'],
    ...COMMANDS.map((command) => [...command.name.split(' '), '--help']),
    ['runs', '--help'],
  ]
  const flags = new Set<string>()
  for (const argv of helps) {
    const { stdout } = await cli(argv, {})
    for (const match of stdout.matchAll(/^ {2}(?:(-\w), )?(--[\w-]+)/gm)) {
      flags.add(match[2] as string)
      if (match[1]) flags.add(match[1])
    }
  }
  return [...flags]
}

const startable = BUILT_IN_VENDORS.filter((vendor) => vendor.startFlags !== undefined).map(
  (vendor) => vendor.id,
)

describe('evalrun completion', () => {
  it.each(['bash', 'zsh', 'fish'])(
    '%s: has every command, every vendor runs start takes, and every flag',
    async (shell) => {
      const text = await script(shell)
      for (const command of COMMANDS) for (const word of command.name.split(' ')) expect(text).toContain(word)
      for (const vendor of startable) expect(text).toMatch(new RegExp(`\\b${vendor}\\b`))
      const flags = await everyFlag()
      expect(flags).toEqual(
        expect.arrayContaining(['--request-timeout', '--quiet', '-q', '--no-ci-detect', '--pr-comment']),
      )
      for (const flag of flags) {
        // fish names a flag without its dashes: `-l min-score`, `-s q`.
        const form =
          shell === 'fish' ? (flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`) : flag
        expect(text, `${shell} lacks ${flag}`).toContain(form)
      }
    },
  )

  it('refuses a shell it does not know (exit 2)', async () => {
    const result = await cli(['completion', 'powershell'], {})
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toMatch(/powershell.*Allowed choices are bash, zsh, fish/)
  })

  it('bash: completes commands, vendors, flags and choices when sourced and called as bash calls it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'evalrun-completion-')), 'evalrun.bash')
    writeFileSync(file, await script('bash'))
    const complete = (...words: string[]) => {
      const program = `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _evalrun; printf '%s\\n' "\${COMPREPLY[@]}"`
      const out = execFileSync(
        'bash',
        ['--norc', '--noprofile', '-c', program, 'bash', file, 'evalrun', ...words],
        {
          encoding: 'utf8',
          cwd: tmpdir(),
        },
      )
      return out.split('\n').filter(Boolean).sort()
    }
    expect(complete('')).toEqual(['check', 'completion', 'demo', 'report', 'runs', 'sandbox'])
    expect(complete('runs', 'st')).toEqual(['start'])
    expect(complete('runs', 'start', '')).toEqual([...startable].sort())
    expect(complete('runs', 'start', 'datalab', '--col')).toEqual(['--collection'])
    expect(complete('runs', 'start', 'datalab', '--pipeline-type', '')).toEqual([
      'convert',
      'extract',
      'segment',
    ])
    // Flags and their values before or between the words do not hide the command; global flags count everywhere.
    expect(complete('--quiet', 'runs', 'list', '--vendor', 'datalab', '--st')).toEqual(['--status'])
    expect(complete('runs', 'wait', '--re')).toEqual(['--request-timeout'])
    expect(complete('check', '--pr')).toEqual(['--pr-comment', '--promptlayer-api-key'])
    expect(complete('completion', '--n')).toEqual(['--no-ci-detect'])
  })
})
