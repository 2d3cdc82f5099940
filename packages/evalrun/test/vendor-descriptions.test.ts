import { fakeFetch } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_VENDORS } from '../src/index.js'
import { CHART_BACKGROUND, contrastRatio, MIN_GRAPHIC_CONTRAST } from '../src/reports/vendor-colors.js'
import { describeVendor } from './helpers/describe-vendor.js'

// The CLI learns what a vendor can do from its description (help offers `runs start <vendor>` and `runs cancel`
// only where they work); the description must say what the adapter really has.
describe('each built-in vendor describes what its adapter does', () => {
  for (const vendor of BUILT_IN_VENDORS) {
    it(vendor.id, () => {
      const options = Object.fromEntries(vendor.credentials.map((credential) => [credential.option, 'key']))
      const adapter = vendor.createAdapter({ ...options, fetch: fakeFetch({}).fetch, fileIds: ['f'] }, {})
      expect(adapter.vendor).toBe(vendor.id)
      expect(adapter.specificationVersion).toBe('v2')
      expect(vendor.canCancel).toBe(adapter.cancelRun !== undefined)
      expect(vendor.startFlags !== undefined).toBe(adapter.startRun !== undefined)
      expect(['always', 'sometimes', 'never']).toContain(vendor.scoreScale)
      expect(vendor.refForm.startsWith(`${vendor.id}:`)).toBe(true)
      expect(vendor.suiteRefForm.startsWith(`${vendor.id}:`)).toBe(true)
      for (const credential of vendor.credentials) expect(credential.envVar).toMatch(/^[A-Z][A-Z0-9_]+$/)
    })
  }

  it('each declares its own colour for reports, distinct and visible on the charts', () => {
    const colors = BUILT_IN_VENDORS.flatMap((vendor) => (vendor.color === undefined ? [] : [vendor.color]))
    expect(colors.length).toBeGreaterThan(0)
    expect(new Set(colors.map((color) => color.toLowerCase())).size).toBe(colors.length)
    for (const color of colors) {
      expect(color).toMatch(/^#[0-9a-f]{6}$/i)
      expect(contrastRatio(color, CHART_BACKGROUND)).toBeGreaterThanOrEqual(MIN_GRAPHIC_CONTRAST)
    }
  })

  it('vendor ids are unique', () => {
    const ids = BUILT_IN_VENDORS.map((vendor) => vendor.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('an adapter without startRun or cancelRun (contract v2)', () => {
  it('start and cancel throw EvalrunNotSupportedError naming the vendor, and send nothing', async () => {
    const { createEvalrun, EvalrunNotSupportedError } = await import('../src/index.js')
    let calls = 0
    const readOnly = {
      specificationVersion: 'v2' as const,
      vendor: 'datalab' as const,
      displayName: 'Read-only Acme',
      listRuns() {
        calls++
        return (async function* () {})()
      },
      async getRun(): Promise<never> {
        calls++
        throw new Error('not called')
      },
      listItems() {
        calls++
        return (async function* () {})()
      },
    }
    const evalrun = createEvalrun({ vendors: [describeVendor(readOnly)] })
    const started = await evalrun.runs
      .start({ vendor: 'datalab', collectionId: 1, rubricId: 1 })
      .catch((e) => e)
    expect(EvalrunNotSupportedError.isInstance(started)).toBe(true)
    expect(started.message).toBe(
      'start is not supported by Read-only Acme: its API has no way to start runs.',
    )
    expect(started.operation).toBe('start')
    const canceled = await evalrun.runs.cancel('datalab:1').catch((e) => e)
    expect(EvalrunNotSupportedError.isInstance(canceled)).toBe(true)
    expect(canceled.operation).toBe('cancel')
    expect(calls).toBe(0)
  })
})
