import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, jsonLines } from './helpers.js'

// OpenAI Evals on an Azure-style endpoint from the CLI: AZURE_OPENAI_ENDPOINT, and the key by env var or flag.
let sb: Sandbox
let endpoint: string
beforeAll(async () => {
  sb = await startSandbox({ seed: 5, runs: 6, suites: 2, clock: { speed: 60 } })
  endpoint = sb.azure.openai.baseUrl.replace(/\/openai\/v1$/, '')
})
afterAll(() => sb.close())

describe('evalrun on Azure OpenAI', () => {
  it('starts, waits for and cancels runs with AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT', async () => {
    const env = {
      AZURE_OPENAI_API_KEY: sb.azure.openai.azureApiKey,
      AZURE_OPENAI_ENDPOINT: endpoint,
      NO_COLOR: '1',
    }
    const dir = mkdtempSync(join(tmpdir(), 'evalrun-azure-'))
    const source = join(dir, 'source.json')
    writeFileSync(source, JSON.stringify(sb.catalog.openai.dataSource))
    const start = [
      'runs',
      'start',
      'openai',
      '--eval',
      sb.catalog.openai.evals[0]!.id,
      '--data-source',
      source,
    ]
    const done = await cli([...start, '--wait', '--json'], env, {
      waitPolling: { pollIntervalMs: 20, maxPollIntervalMs: 20 },
    })
    expect(done.exitCode).toBe(0)
    expect(done.stdout).toMatch(/"status":"completed"/)
    expect(done.stdout).toMatch(/"ref":"openai:/)

    const started = await cli([...start, '--json'], env)
    const ref = String(jsonLines(started.stdout)[0]?.ref)
    expect(await cli(['runs', 'cancel', ref], env)).toMatchObject({
      exitCode: 0,
      stdout: `${ref} canceled\n`,
    })
  })

  it('takes the key from --openai-azure-api-key and names the Azure env vars in --help', async () => {
    const env = { AZURE_OPENAI_ENDPOINT: endpoint, NO_COLOR: '1' }
    const list = await cli(
      ['runs', 'list', '--json', '--openai-azure-api-key', sb.azure.openai.azureApiKey],
      env,
    )
    expect(list.exitCode).toBe(0)
    expect(jsonLines(list.stdout).length).toBeGreaterThan(0)
    const help = await cli(['--help'], env)
    expect(help.stdout).toContain('--openai-azure-api-key')
    expect(help.stdout).toContain('AZURE_OPENAI_API_KEY')
    expect(help.stdout).toContain('AZURE_OPENAI_ENDPOINT')
  })

  it('takes the endpoint from --openai-azure-endpoint, which wins over AZURE_OPENAI_ENDPOINT', async () => {
    const env = {
      AZURE_OPENAI_API_KEY: sb.azure.openai.azureApiKey,
      AZURE_OPENAI_ENDPOINT: 'http://127.0.0.1:9/nowhere',
      NO_COLOR: '1',
    }
    const list = await cli(['runs', 'list', '--json', '--openai-azure-endpoint', endpoint], env)
    expect(list.exitCode).toBe(0)
    expect(jsonLines(list.stdout).length).toBeGreaterThan(0)
    // Without an endpoint, an Azure key is refused rather than sent to api.openai.com.
    const noEndpoint = await cli(['runs', 'list', '--vendor', 'openai'], {
      AZURE_OPENAI_API_KEY: sb.azure.openai.azureApiKey,
    })
    expect(noEndpoint.exitCode).toBe(2)
    expect(noEndpoint.stderr).toMatch(/AZURE_OPENAI_ENDPOINT.*\(or pass --openai-azure-endpoint\)\.\n$/)
    expect(noEndpoint.stderr).not.toContain(sb.azure.openai.azureApiKey)
    const help = await cli(['--help'], env)
    expect(help.stdout).toMatch(/--openai-azure-endpoint <value>\s+Azure OpenAI/)
  })

  it('names the Azure alternative when OpenAI is not configured', async () => {
    const result = await cli(['runs', 'get', 'openai:eval_1/run_1'], { NO_COLOR: '1' })
    expect(result.exitCode).toBe(2)
    expect(result.stderr).toBe(
      'evalrun: openai is not configured: set OPENAI_API_KEY or pass --openai-api-key; or instead set AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT (or pass --openai-azure-api-key and --openai-azure-endpoint).\n',
    )
  })
})
