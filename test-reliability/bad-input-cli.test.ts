import { type LoopbackServer, startLoopbackServer } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../packages/cli/test/helpers.js'
import { BAD_CLI_INPUTS } from './support/bad-cli-inputs.js'
import { recordFigures } from './support/figures.js'

const USAGE = 2

// Every vendor points at a server that records what reaches it: nothing should.
let server: LoopbackServer
let env: Record<string, string | undefined>
beforeAll(async () => {
  server = await startLoopbackServer(() => ({ status: 500, body: { detail: 'nothing should be sent' } }))
  env = {
    DATALAB_API_KEY: 'dl-key',
    DATALAB_BASE_URL: `${server.url}/dl`,
    PROMPTLAYER_API_KEY: 'pl-key',
    PROMPTLAYER_BASE_URL: `${server.url}/pl`,
    HUMANLOOP_API_KEY: 'hl-key',
    HUMANLOOP_BASE_URL: `${server.url}/hl`,
    HUMANLOOP_FILE_IDS: 'pr_1',
    BRAINTRUST_API_KEY: 'bt-key',
    BRAINTRUST_API_URL: `${server.url}/bt`,
  }
})
afterAll(() => server.close())

describe('bad input to the CLI: exit code 2, one line naming the input, nothing sent', () => {
  it.each(BAD_CLI_INPUTS)('$what', async ({ argv, env: extra, names, expects }) => {
    const result = await cli(argv, { ...env, ...extra })
    expect(result.exitCode, result.stderr).toBe(USAGE)
    expect(result.stderr).toMatch(names)
    expect(result.stderr).toMatch(expects)
    expect(result.stdout).toBe('')
    expect(server.requests).toEqual([])
  })

  it('records the figures', () => {
    expect(BAD_CLI_INPUTS.length).toBeGreaterThanOrEqual(20)
    recordFigures('bad-input-cli', {
      inputsTried: BAD_CLI_INPUTS.length,
      requestsSent: server.requests.length,
    })
  })
})
