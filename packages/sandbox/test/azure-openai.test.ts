import { afterEach, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../src/index.js'

// OpenAI Evals under an Azure-style endpoint: the same data, the key in `api-key`, a bearer refused.
const opened: Sandbox[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((sb) => sb.close()))
})

async function open() {
  const sb = await startSandbox({ clock: 'manual' })
  opened.push(sb)
  return sb
}

describe('OpenAI sandbox on an Azure-style endpoint', () => {
  it('returns options for it as azure.openai: an Azure key and the /azure/openai/v1 base URL', async () => {
    const sb = await open()
    expect(sb.azure.openai).toEqual({
      azureApiKey: 'sandbox-azure-openai-key',
      baseUrl: sb.urls.openai.replace('/openai/v1', '/azure/openai/v1'),
    })
  })

  it('serves the same evals with the key in `api-key`, and refuses a bearer or the OpenAI key with a 401', async () => {
    const sb = await open()
    const { azureApiKey, baseUrl } = sb.azure.openai
    const evalId = sb.catalog.openai.evals[0]!.id
    const get = (headers: Record<string, string>) => fetch(`${baseUrl}/evals/${evalId}`, { headers })
    const ok = await get({ 'api-key': azureApiKey })
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as { id: string }).id).toBe(evalId)
    const bearer = await get({ authorization: `Bearer ${azureApiKey}` })
    expect(bearer.status).toBe(401)
    // Azure's own body, not OpenAI's: `code` is the status as text, and there is no `type` or `param`.
    expect(await bearer.json()).toEqual({
      error: {
        code: '401',
        message: expect.stringMatching(/^Access denied due to invalid subscription key/),
      },
    })
    expect((await get({ 'api-key': sb.apiKeys.openai })).status).toBe(401)
    expect((await get({})).status).toBe(401)
    // And OpenAI's own endpoint still takes only its bearer.
    const openai = await fetch(`${sb.urls.openai}/evals/${evalId}`, { headers: { 'api-key': azureApiKey } })
    expect(openai.status).toBe(401)
    expect(((await openai.json()) as { error: { code: string } }).error.code).toBe('invalid_api_key')
  })
})
