import { recordingFetch } from '@evalrun/test-support'
import { createEvalrun, EvalrunError } from 'evalrun'
import { describe, expect, it } from 'vitest'
import { BAD_API_INPUTS } from './support/bad-api-inputs.js'
import { failureOf } from './support/failure-of.js'
import { recordFigures } from './support/figures.js'

const { fetch, requests } = recordingFetch()
const evalrun = createEvalrun({
  fetch,
  datalab: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9/dl' },
  promptlayer: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9/pl' },
  humanloop: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9/hl', fileIds: ['pr_1'] },
  openai: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9/oa' },
  braintrust: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9/bt' },
  langfuse: { publicKey: 'pk-lf-1', secretKey: 'sk-lf-1', baseUrl: 'http://127.0.0.1:9/lf' },
})

describe('bad input to the public API: a typed error naming the input, and nothing sent', () => {
  it.each(BAD_API_INPUTS)('$what', async ({ call, error: errorClass, names, expects }) => {
    const error = await failureOf(() => call(evalrun, fetch))
    expect(EvalrunError.isInstance(error), `threw ${String(error)}`).toBe(true)
    expect(errorClass.isInstance(error), `expected ${errorClass.name}, got ${String(error)}`).toBe(true)
    const { message } = error as Error
    expect(message).toMatch(names)
    expect(message).toMatch(expects)
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([])
  })

  it('records the figures', () => {
    expect(BAD_API_INPUTS.length).toBeGreaterThanOrEqual(40)
    recordFigures('bad-input-api', { inputsTried: BAD_API_INPUTS.length, requestsSent: requests.length })
  })
})
