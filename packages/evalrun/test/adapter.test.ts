import { collect } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import type { AnyEvalrunAdapter } from '../src/core/adapter.js'
import type { EvalrunVendor } from '../src/core/vendor.js'
import {
  BUILT_IN_VENDORS,
  createEvalrun,
  type EvalRun,
  EvalrunInvalidInputError,
  EvalrunNotSupportedError,
} from '../src/index.js'
import { mapDatalabRun } from '../src/vendors/datalab/map-run.js'
import { datalabRunCompleted } from './fixtures/datalab.js'
import { describeVendor } from './helpers/describe-vendor.js'

/**
 * A vendor added from outside: in real code it would declare its payloads by augmenting `RawRuns`; here a cast
 * keeps the built-in `Vendor` type intact for the other tests.
 */
function acmeAdapter(displayName = 'Acme Evals'): AnyEvalrunAdapter {
  const run = (id: string): EvalRun =>
    ({
      ...mapDatalabRun({ ...datalabRunCompleted, id: Number(id) }),
      vendor: 'acme',
      ref: `acme:${id}`,
    }) as never
  return {
    specificationVersion: 'v2',
    vendor: 'acme',
    displayName,
    async *listRuns() {
      yield run('1')
      yield run('2')
    },
    async getRun(id: string) {
      return run(id)
    },
    async *listItems() {},
  } as unknown as AnyEvalrunAdapter
}

describe('an added vendor', () => {
  it('is listed, read and refused cancel like a built-in, with no change to the core', async () => {
    const evalrun = createEvalrun({ vendors: [describeVendor(acmeAdapter())] })
    expect(evalrun.vendors).toEqual(['acme'])
    expect((await collect(evalrun.runs.list())).map((run) => run.ref)).toEqual(['acme:1', 'acme:2'])
    expect((await evalrun.runs.get('acme:7')).ref).toBe('acme:7')
    await expect(evalrun.runs.cancel('acme:7')).rejects.toThrow('cancel is not supported by Acme Evals')
    await expect(evalrun.runs.cancel('acme:7')).rejects.toSatisfy(EvalrunNotSupportedError.isInstance)
  })

  it('sits beside the built-in ones, and a later vendor with the same id replaces an earlier one', async () => {
    const evalrun = createEvalrun({
      vendors: [...BUILT_IN_VENDORS, describeVendor(acmeAdapter('Old')), describeVendor(acmeAdapter('New'))],
      env: {},
    })
    expect(evalrun.vendors).toEqual(['acme'])
    await expect(evalrun.runs.cancel('acme:7')).rejects.toThrow('cancel is not supported by New')
    await expect(evalrun.runs.get('datalab:1')).rejects.toThrow('Datalab is not configured')
  })

  it('is checked when given, and so is the adapter it creates', () => {
    expect(() => createEvalrun({ vendors: [{ id: 'x' } as never] })).toThrow(
      expect.objectContaining({ field: 'vendors[0]' }),
    )
    const wrongVendor: EvalrunVendor = { ...describeVendor(acmeAdapter()), id: 'other' }
    expect(() => createEvalrun({ vendors: [wrongVendor] })).toThrow(EvalrunInvalidInputError)
    expect(() => createEvalrun({ vendors: [wrongVendor] })).toThrow("vendor 'other'")
    const oldAdapter = { ...acmeAdapter(), specificationVersion: 'v0' } as never
    expect(() => createEvalrun({ vendors: [describeVendor(oldAdapter)] })).toThrow(
      "specificationVersion 'v2'",
    )
  })

  it('a vendor turned off says so', async () => {
    const evalrun = createEvalrun({ datalab: false, promptlayer: false, humanloop: false })
    await expect(evalrun.runs.get('datalab:1')).rejects.toThrow(
      'Datalab is not configured: it was turned off with `datalab: false` in createEvalrun().',
    )
  })
})
