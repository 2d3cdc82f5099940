import { afterEach, describe, expect, it, vi } from 'vitest'
import { createOpenAIClient, type EvalRun, EvalrunApiError, request } from '../src/index.js'

const KEY = 'sk-test-0123456789abcdef'

afterEach(() => {
  vi.unstubAllEnvs()
})

function recording(answer: () => Response) {
  const requests: Request[] = []
  const fetch = async (input: Request) => {
    requests.push(input)
    return answer()
  }
  return { requests, fetch }
}

describe('createOpenAIClient', () => {
  it('sends the key as a bearer token to https://api.openai.com/v1 by default', async () => {
    const { requests, fetch } = recording(() =>
      Response.json({ object: 'list', data: [], first_id: '', last_id: '', has_more: false }),
    )
    const client = createOpenAIClient({ apiKey: KEY, fetch })
    await request(client, 'GET', '/evals/{eval_id}/runs', {
      params: { path: { eval_id: 'eval_1' }, query: { limit: 100, after: 'r9' } },
    })
    expect(requests[0]?.url).toBe('https://api.openai.com/v1/evals/eval_1/runs?limit=100&after=r9')
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`)
    expect(requests[0]?.headers.get('openai-organization')).toBeNull()
  })

  it('reads OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID, as the official SDK does', async () => {
    const { requests, fetch } = recording(() => Response.json({}))
    const env = {
      OPENAI_API_KEY: KEY,
      OPENAI_BASE_URL: 'https://gateway.example.com/openai/v1',
      OPENAI_ORG_ID: 'org-123',
      OPENAI_PROJECT_ID: 'proj_456',
    }
    const client = createOpenAIClient({ env, fetch })
    await client.GET('/evals/{eval_id}', { params: { path: { eval_id: 'eval_1' } } })
    expect(requests[0]?.url).toBe('https://gateway.example.com/openai/v1/evals/eval_1')
    expect(requests[0]?.headers.get('openai-organization')).toBe('org-123')
    expect(requests[0]?.headers.get('openai-project')).toBe('proj_456')
    const explicit = createOpenAIClient({ env, fetch, organization: 'org-other', project: 'proj_other' })
    await explicit.GET('/evals/{eval_id}', { params: { path: { eval_id: 'eval_1' } } })
    expect(requests[1]?.headers.get('openai-organization')).toBe('org-other')
    expect(requests[1]?.headers.get('openai-project')).toBe('proj_other')
  })

  it("reads OpenAI's error body into the error, without the key", async () => {
    const body = {
      error: {
        message: `Incorrect API key provided: ${KEY}.`,
        type: 'invalid_request_error',
        param: null,
        code: 'invalid_api_key',
      },
    }
    const { fetch } = recording(() =>
      Response.json(body, { status: 401, headers: { 'x-request-id': 'req_1' } }),
    )
    const client = createOpenAIClient({ apiKey: KEY, fetch, retry: false })
    const error = await request(client, 'GET', '/evals/{eval_id}/runs/{run_id}', {
      params: { path: { eval_id: 'e', run_id: 'r' } },
    }).catch((e: unknown) => e)
    expect(EvalrunApiError.isInstance(error)).toBe(true)
    const apiError = error as EvalrunApiError
    expect(apiError.status).toBe(401)
    expect(apiError.vendor).toBe('openai')
    expect(apiError.requestId).toBe('req_1')
    expect(apiError.message).toContain('Incorrect API key provided')
    expect(apiError.message).not.toContain(KEY)
    expect(JSON.stringify(apiError.body)).not.toContain(KEY)
  })

  it('names the env var when the key is missing', () => {
    expect(() => createOpenAIClient({ env: {} })).toThrow(/OPENAI_API_KEY/)
  })

  it('types runs from the spec', () => {
    const status: EvalRun['status'] = 'in_progress'
    expect(status).toBe('in_progress')
  })
})
