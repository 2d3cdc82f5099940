import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, jsonLines } from './helpers.js'

// `evalrun runs start promptlayer --table … --sheet …`: a Tables run started, waited for, compared with the
// sheet's previous version, refused without --yes when PromptLayer asks for confirmation, and cancelled.
let sb: Sandbox
let env: Record<string, string>

beforeAll(async () => {
  // A fast clock: a recalculation and its scoring finish within a second or two of real time.
  sb = await startSandbox({ seed: 7, clock: { speed: 60 } })
  env = { ...sb.env, NO_COLOR: '1' }
})
afterAll(() => sb.close())

const sheetWith = (stale: (cells: number) => boolean) =>
  sb.catalog.promptlayer.sheets.find((one) => stale(one.staleCells))!

describe('evalrun runs start promptlayer (Tables)', () => {
  it('starts, waits, and compares with the previous version of the sheet', async () => {
    const sheet = sheetWith((cells) => cells > 0 && cells <= 30)
    const started = await cli(
      [
        'runs',
        'start',
        'promptlayer',
        '--table',
        sheet.tableId,
        '--sheet',
        sheet.sheetId,
        '--wait',
        '--timeout',
        '2m',
      ],
      env,
    )
    expect({ exitCode: started.exitCode, stderr: started.stderr }).toEqual({
      exitCode: 0,
      stderr: expect.any(String),
    })
    const ref = /^started (promptlayer:tables\/\S+\/op\/\S+) /.exec(started.stdout)?.[1]
    expect(ref).toBeDefined()
    expect(started.stdout).toMatch(/✓ \S+ completed, no score, pass rate \S+|✓ \S+ completed, score \S+/)

    const suite = `promptlayer:sheet/${sheet.tableId}/${sheet.sheetId}`
    const listed = jsonLines((await cli(['runs', 'list', '--suite', suite, '--json'], env)).stdout)
    const previous = listed.find((run) => run.name === 'version 3')
    expect(previous?.ref).toMatch(/^promptlayer:tables\/.+\/calc\//)
    const compared = await cli(['runs', 'compare', String(previous?.ref), String(ref), '--json'], env)
    expect(compared.exitCode).toBe(0)
    const comparison = JSON.parse(compared.stdout) as {
      sameSuite: boolean
      summary: { added: number; removed: number }
    }
    expect(comparison.sameSuite).toBe(true)
    expect(comparison.summary.added + comparison.summary.removed).toBe(0)
  })

  it('refuses a recalculation PromptLayer asks confirmation for unless --yes, then cancels it', async () => {
    const sheet = sheetWith((cells) => cells > 30)
    const args = ['runs', 'start', 'promptlayer', '--table', sheet.tableId, '--sheet', sheet.sheetId]
    const refused = await cli(args, env)
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toMatch(/confirmation before recalculating 40 cells.*--yes/)
    const started = await cli([...args, '--yes', '--json'], env)
    expect(started.exitCode).toBe(0)
    const [run] = jsonLines(started.stdout)
    const canceled = await cli(['runs', 'cancel', String(run?.ref), '--json'], env)
    expect(canceled.exitCode).toBe(0)
    expect(jsonLines(canceled.stdout)[0]).toMatchObject({ ref: run?.ref, status: 'canceled' })
  })

  it('reads repeated --row and --column flags, and says when there is nothing to recalculate (exit 2)', async () => {
    const sheet = sheetWith((cells) => cells === 0)
    const base = ['runs', 'start', 'promptlayer', '--table', sheet.tableId, '--sheet', sheet.sheetId]
    const nothing = await cli([...base, '--row', '0', '--row', '3'], env)
    expect(nothing.exitCode).toBe(2)
    expect(nothing.stderr).toMatch(/nothing to recalculate/)
    const badRow = await cli([...base, '--row', '-1'], env)
    expect(badRow.exitCode).toBe(2)
    const neither = await cli(['runs', 'start', 'promptlayer'], env)
    expect(neither.exitCode).toBe(2)
    expect(neither.stderr).toMatch(/tableId and sheetId/)
  })
})
