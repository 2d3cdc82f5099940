import { fileURLToPath } from 'node:url'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import {
  type PublishedSpec,
  publishedSpec,
  type SpecMock,
  type SpecViolation,
  startSpecMock,
} from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listVendorSpecs } from '../../../scripts/lib/vendors.js'
import { createEvalrun, type StartRunInput, type Vendor } from '../src/index.js'
import { BUILT_IN_VENDORS } from '../src/vendors/index.js'

// The facade's requests, checked by a mock that shares no code with the sandbox: Stoplight Prism serving each
// vendor's published spec (or, where this machine lacks the full file, the subset the pipeline cut from it).
// Prism invents its answers from the spec's examples, so a call may fail on them: only the requests are judged.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
/** Whether another spec folder types this vendor's package (`partOf`: PromptLayer's Tables). */
const hasSpecParts = (vendor: string) =>
  listVendorSpecs().some((spec) => spec.packageDir === vendor && spec.vendor !== vendor)
const vendorIds = BUILT_IN_VENDORS.map((vendor) => vendor.id as Vendor)

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, suites: 1, runs: 2, clock: 'manual' })
})
afterAll(() => sandbox.close())

async function attempt(call: () => Promise<unknown>): Promise<void> {
  try {
    await call()
  } catch {
    // Prism's invented answers need not make sense to a mapper; the requests before it are what is checked.
  }
}

describe.each(vendorIds)('%s against an independent mock of its published spec', (vendorId) => {
  let mock: SpecMock
  let spec: PublishedSpec
  beforeAll(async () => {
    spec = publishedSpec(vendorId, repoRoot)
    mock = await startSpecMock({ spec: spec.path })
  }, 120_000)
  afterAll(() => mock?.close())

  it('sends only requests the spec allows: list, get, results, start, cancel', async () => {
    const others = Object.fromEntries(vendorIds.map((id) => [id, false]))
    const sandboxOptions = sandbox.clientOptions[vendorId as keyof typeof sandbox.clientOptions]
    const options = { ...sandboxOptions, baseUrl: mock.url, fetch: mock.fetch }
    const evalrun = createEvalrun({ ...others, [vendorId]: { ...options, retry: false }, env: {} })
    let ref: string | undefined
    await attempt(async () => {
      for await (const run of evalrun.runs.list({ vendors: [vendorId], limit: 2 })) ref ??= run.ref
    })
    if (ref) {
      await attempt(() => evalrun.runs.get(ref as string))
      await attempt(async () => {
        for await (const _ of evalrun.runs.results(ref as string)) break
      })
    }
    const start = sandbox.sampleStartInputs().find((input) => input.vendor === vendorId)
    if (start) await attempt(() => evalrun.runs.start(start as unknown as StartRunInput))
    expect(mock.exchanges.length).toBeGreaterThan(0)
    // A vendored subset holds one spec folder only: where the vendor's package has more (PromptLayer's Tables, in
    // specs/promptlayer-tables), their operations are unknown to it, and their own test judges them.
    const served = (violation: SpecViolation) =>
      spec.kind === 'published' || !hasSpecParts(vendorId) || violation.location !== 'request.path'
    expect(mock.requestViolations().filter(served)).toEqual([])
  })
})
