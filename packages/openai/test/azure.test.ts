import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createOpenAIClient, EvalrunApiError, EvalrunInvalidConfigError, request } from '../src/index.js'

const AZURE_KEY = 'azure-FAKE-key-5b1e77c0d2'
const ENDPOINT = 'https://contoso.openai.azure.com'
const LIST = { object: 'list', data: [], first_id: '', last_id: '', has_more: false }

function recording(answer: (request: Request) => Response = () => Response.json(LIST)) {
  const requests: Request[] = []
  const fetch = async (input: Request) => {
    requests.push(input)
    return answer(input)
  }
  return { requests, fetch }
}

const listRuns = (client: ReturnType<typeof createOpenAIClient>) =>
  request(client, 'GET', '/evals/{eval_id}/runs', { params: { path: { eval_id: 'eval_1' } } })

describe('createOpenAIClient on Azure', () => {
  it('sends `azureApiKey` as the api-key header to the /openai/v1 path of AZURE_OPENAI_ENDPOINT', async () => {
    const { requests, fetch } = recording()
    const env = { AZURE_OPENAI_ENDPOINT: `${ENDPOINT}/`, OPENAI_ORG_ID: 'org-1' }
    await listRuns(createOpenAIClient({ azureApiKey: AZURE_KEY, env, fetch }))
    expect(requests[0]?.url).toBe(`${ENDPOINT}/openai/v1/evals/eval_1/runs`)
    expect(requests[0]?.headers.get('api-key')).toBe(AZURE_KEY)
    expect(requests[0]?.headers.get('authorization')).toBeNull()
    expect(requests[0]?.headers.get('openai-organization')).toBeNull()
  })

  it('reads AZURE_OPENAI_API_KEY when OPENAI_API_KEY is unset, and takes `baseUrl` as given', async () => {
    const { requests, fetch } = recording()
    const baseUrl = 'https://contoso.services.ai.azure.com/openai/v1'
    await listRuns(createOpenAIClient({ baseUrl, env: { AZURE_OPENAI_API_KEY: AZURE_KEY }, fetch }))
    await listRuns(
      createOpenAIClient({
        env: { AZURE_OPENAI_API_KEY: AZURE_KEY, AZURE_OPENAI_ENDPOINT: `${baseUrl}/` },
        fetch,
      }),
    )
    expect(requests.map((r) => r.url)).toEqual([
      `${baseUrl}/evals/eval_1/runs`,
      `${baseUrl}/evals/eval_1/runs`,
    ])
    expect(requests.map((r) => r.headers.get('api-key'))).toEqual([AZURE_KEY, AZURE_KEY])
  })

  it('prefers OPENAI_API_KEY, and an explicit `apiKey`, over the Azure env var', async () => {
    const { requests, fetch } = recording()
    const env = { OPENAI_API_KEY: 'sk-openai-FAKE-1234', AZURE_OPENAI_API_KEY: AZURE_KEY }
    await listRuns(createOpenAIClient({ env, fetch }))
    expect(requests[0]?.url).toBe('https://api.openai.com/v1/evals/eval_1/runs')
    expect(requests[0]?.headers.get('api-key')).toBeNull()
  })

  it('sends an Entra ID token from `azureAdTokenProvider` as a bearer, asking for one per attempt', async () => {
    let calls = 0
    const azureAdTokenProvider = async () => `eyJ-entra-FAKE-${++calls}`
    const { requests, fetch } = recording(() =>
      requests.length === 1 ? Response.json({}, { status: 503 }) : Response.json(LIST),
    )
    const client = createOpenAIClient({
      azureAdTokenProvider,
      baseUrl: `${ENDPOINT}/openai/v1`,
      fetch,
      retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    })
    await listRuns(client)
    await listRuns(client)
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual([
      'Bearer eyJ-entra-FAKE-1',
      'Bearer eyJ-entra-FAKE-2',
      'Bearer eyJ-entra-FAKE-3',
    ])
    expect(requests[0]?.headers.get('api-key')).toBeNull()
  })

  it('refuses two credentials at once and an Azure credential without an endpoint', () => {
    expect(() => createOpenAIClient({ apiKey: 'sk-1', azureApiKey: AZURE_KEY })).toThrow(/one of/)
    const error = (() => {
      try {
        createOpenAIClient({ azureApiKey: AZURE_KEY, env: {} })
      } catch (caught) {
        return caught
      }
    })()
    expect(EvalrunInvalidConfigError.isInstance(error)).toBe(true)
    expect(String(error)).toMatch(/AZURE_OPENAI_ENDPOINT/)
    expect(String(error)).not.toContain(AZURE_KEY)
  })

  it('redacts an echoed Azure key or token from errors', async () => {
    const echo = (r: Request) =>
      Response.json(
        { error: { message: `denied ${r.headers.get('api-key')} ${r.headers.get('authorization')}` } },
        { status: 401 },
      )
    for (const options of [
      { azureApiKey: AZURE_KEY },
      { azureAdTokenProvider: () => 'eyJ-entra-FAKE-token-0' },
    ]) {
      const client = createOpenAIClient({
        ...options,
        baseUrl: `${ENDPOINT}/openai/v1`,
        fetch: recording(echo).fetch,
      })
      const error = await listRuns(client).catch((caught: unknown) => caught)
      expect(EvalrunApiError.isInstance(error)).toBe(true)
      const text = [
        String(error),
        JSON.stringify(error),
        inspect(error, { depth: 20, showHidden: true }),
      ].join('\n')
      expect(text).not.toContain(AZURE_KEY)
      expect(text).not.toContain('eyJ-entra-FAKE-token-0')
    }
  })
})
