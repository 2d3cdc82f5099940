import { collect } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import {
  type AnyEvalrunAdapter,
  createEvalrun,
  type EvalRun,
  EvalrunInvalidInputError,
  EvalrunNotSupportedError,
} from '../src/index.js'
import { mapDatalabRun } from '../src/vendors/datalab/map-run.js'
import { datalabRunCompleted } from './fixtures/datalab.js'

/**
 * A vendor added from outside: in real code it would declare its payloads by augmenting `RawRuns`; here a cast
 * keeps the built-in `Vendor` type intact for the other tests.
 */
function acmeAdapter(): AnyEvalrunAdapter {
  const run = (id: string): EvalRun =>
    ({
      ...mapDatalabRun({ ...datalabRunCompleted, id: Number(id) }),
      vendor: 'acme',
      ref: `acme:${id}`,
    }) as never
  return {
    specificationVersion: 'v1',
    vendor: 'acme',
    displayName: 'Acme Evals',
    async *listRuns() {
      yield run('1')
      yield run('2')
    },
    async getRun(id: string) {
      return run(id)
    },
    async startRun() {
      return run('3')
    },
    async *listItems() {},
  } as unknown as AnyEvalrunAdapter
}

describe('an added adapter', () => {
  it('is listed, read and refused cancel like a built-in, with no change to the core', async () => {
    const evalrun = createEvalrun({
      datalab: false,
      promptlayer: false,
      humanloop: false,
      adapters: [acmeAdapter()],
    })
    expect(evalrun.vendors).toEqual(['acme'])
    expect((await collect(evalrun.runs.list())).map((run) => run.ref)).toEqual(['acme:1', 'acme:2'])
    expect((await evalrun.runs.get('acme:7')).ref).toBe('acme:7')
    await expect(evalrun.runs.cancel('acme:7')).rejects.toThrow('cancel is not supported by Acme Evals')
    await expect(evalrun.runs.cancel('acme:7')).rejects.toSatisfy(EvalrunNotSupportedError.isInstance)
  })

  it('is checked when given', () => {
    expect(() => createEvalrun({ adapters: [{ vendor: 'x' } as never] })).toThrow(EvalrunInvalidInputError)
  })

  it('a vendor turned off says so', async () => {
    const evalrun = createEvalrun({ datalab: false, promptlayer: false, humanloop: false })
    await expect(evalrun.runs.get('datalab:1')).rejects.toThrow(
      'Datalab is not configured: it was turned off with `datalab: false` in createEvalrun().',
    )
  })
})
