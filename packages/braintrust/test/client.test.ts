import { describe, expect, it } from 'vitest'
import {
  createBraintrustClient,
  type EvalLaunchStartEvent,
  EvalrunApiError,
  type ExperimentList,
  request,
  requestEvents,
} from '../src/index.js'

const KEY = 'sk-bt-test-0123456789abcdef'

function recording(answer: () => Response) {
  const requests: Request[] = []
  const fetch = async (input: Request) => {
    requests.push(input)
    return answer()
  }
  return { requests, fetch }
}

const empty: ExperimentList = { objects: [] }

describe('createBraintrustClient', () => {
  it('sends the key as a bearer token to https://api.braintrust.dev by default', async () => {
    const { requests, fetch } = recording(() => Response.json(empty))
    const client = createBraintrustClient({ apiKey: KEY, fetch })
    await request(client, 'GET', '/v1/experiment', {
      params: { query: { project_id: 'p1', limit: 100, starting_after: 'e9' } },
    })
    expect(requests[0]?.url).toBe(
      'https://api.braintrust.dev/v1/experiment?project_id=p1&limit=100&starting_after=e9',
    )
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`)
  })

  it('reads BRAINTRUST_API_KEY and BRAINTRUST_API_URL, as Braintrust’s SDKs do', async () => {
    const { requests, fetch } = recording(() => Response.json(empty))
    const env = { BRAINTRUST_API_KEY: KEY, BRAINTRUST_API_URL: 'https://braintrust.internal.example.com' }
    const client = createBraintrustClient({ env, fetch })
    await client.GET('/v1/experiment/{experiment_id}', { params: { path: { experiment_id: 'e1' } } })
    expect(requests[0]?.url).toBe('https://braintrust.internal.example.com/v1/experiment/e1')
    expect(requests[0]?.headers.get('authorization')).toBe(`Bearer ${KEY}`)
  })

  it("reads Braintrust's plain-text error body into the error, without the key", async () => {
    const { fetch } = recording(
      () =>
        new Response(`Invalid API key ${KEY}`, { status: 401, headers: { 'content-type': 'text/plain' } }),
    )
    const client = createBraintrustClient({ apiKey: KEY, fetch, retry: false })
    const error = await request(client, 'GET', '/v1/experiment/{experiment_id}', {
      params: { path: { experiment_id: 'e1' } },
    }).catch((e: unknown) => e)
    expect(EvalrunApiError.isInstance(error)).toBe(true)
    const apiError = error as EvalrunApiError
    expect(apiError).toMatchObject({ status: 401, vendor: 'braintrust' })
    expect(apiError.message).toContain('Invalid API key REDACTED')
    expect(apiError.message).not.toContain(KEY)
  })

  it('launches an eval as a stream and reads its start event', async () => {
    const start: EvalLaunchStartEvent = { experimentId: 'e1', experimentName: 'ci', projectName: 'Support' }
    const { requests, fetch } = recording(
      () =>
        new Response(`event: start\ndata: ${JSON.stringify(start)}\n\n`, {
          headers: { 'content-type': 'text/event-stream' },
        }),
    )
    const client = createBraintrustClient({ apiKey: KEY, fetch })
    const events = await requestEvents(client, 'POST', '/v1/eval', {
      body: {
        project_id: 'p1',
        data: { dataset_id: 'd1' },
        task: { function_id: 'f1' },
        scores: [{ global_function: 'Factuality' }],
        stream: true,
      },
    })
    const first = await events.next()
    expect(first.value?.event).toBe('start')
    expect(JSON.parse(first.value?.data ?? '')).toEqual(start)
    expect(await requests[0]?.json()).toMatchObject({ project_id: 'p1', stream: true })
  })

  it('names the env var when the key is missing', () => {
    expect(() => createBraintrustClient({ env: {} })).toThrow(/BRAINTRUST_API_KEY/)
  })
})
