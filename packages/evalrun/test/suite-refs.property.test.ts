import { fakeFetch } from '@evalrun/test-support'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeRefPart, splitRef } from '../src/core/ref.js'
import { createEvalrun, type EvalSuite } from '../src/index.js'
import { mapBraintrustSuite } from '../src/vendors/braintrust/map-suite.js'
import { mapDatalabSuite } from '../src/vendors/datalab/map-suite.js'
import { mapHumanloopSuite } from '../src/vendors/humanloop/map-suite.js'
import { mapLangfuseSuite } from '../src/vendors/langfuse/map-suite.js'
import { mapOpenAISuite } from '../src/vendors/openai/map-suite.js'
import { mapPromptLayerSuite } from '../src/vendors/promptlayer/map-suite.js'

// A suite ref that `suites.list` emits must be one `runs.list({ suite })` accepts, naming the same suite, for every
// id the vendor's spec allows: integers of any sign (Datalab collections, PromptLayer pipelines), any non-empty
// string elsewhere. Checked without a request: the suite is checked when the listing is made.

const integerIds = fc.maxSafeInteger().filter(Number.isSafeInteger)
const stringIds = fc.string({ minLength: 1, maxLength: 40, unit: 'binary' })

const { fetch } = fakeFetch()
const evalrun = createEvalrun({
  fetch,
  retry: false,
  datalab: { apiKey: 'dl-key', baseUrl: 'http://127.0.0.1:9/dl' },
  promptlayer: { apiKey: 'pl-key', baseUrl: 'http://127.0.0.1:9/pl' },
  humanloop: { apiKey: 'hl-key', baseUrl: 'http://127.0.0.1:9/hl', fileIds: ['pr_1'] },
  openai: { apiKey: 'sk-key', baseUrl: 'http://127.0.0.1:9/oa' },
  braintrust: { apiKey: 'sk-bt-key', baseUrl: 'http://127.0.0.1:9/bt' },
  langfuse: { publicKey: 'pk-lf', secretKey: 'sk-lf', baseUrl: 'http://127.0.0.1:9/lf' },
})

function roundTrips(suite: EvalSuite | null, id: string): void {
  expect(suite).not.toBeNull()
  const { ref } = suite as EvalSuite
  expect(() => evalrun.runs.list({ suite: ref })).not.toThrow()
  const { vendor, localId } = splitRef(ref)
  expect(vendor).toBe(suite?.vendor)
  expect(decodeRefPart(localId)).toBe(id)
  expect(suite?.id).toBe(id)
}

describe('suite refs round-trip into runs.list({ suite })', () => {
  it.each([
    ['datalab', (id: number) => mapDatalabSuite({ id: 1, collection_id: id })],
    ['promptlayer', (id: number) => mapPromptLayerSuite({ id, name: 'p' })],
  ] as const)('%s: any integer id', (_vendor, map) => {
    fc.assert(fc.property(integerIds, (id) => roundTrips(map(id), String(id))))
  })

  it.each([
    ['humanloop', (id: string) => mapHumanloopSuite({ id })],
    ['openai', (id: string) => mapOpenAISuite({ id })],
    ['braintrust', (id: string) => mapBraintrustSuite({ id })],
    ['langfuse', (id: string) => mapLangfuseSuite({ id })],
  ] as const)('%s: any string id', (_vendor, map) => {
    fc.assert(fc.property(stringIds, (id) => roundTrips(map(id), id)))
  })
})
