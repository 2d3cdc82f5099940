import { collect, fakeFetch, json } from '@evalrun/test-support'
import { describe, expect, it } from 'vitest'
import { createPageGuard } from '../src/core/page-guard.js'
import { createEvalrun } from '../src/index.js'
import { datalabRun } from './fixtures/datalab.js'
import { vendorOptions } from './helpers/vendor-options.js'

describe('listing stops when a server pages in circles', () => {
  it('a Datalab server that ignores offset: two requests, one warning naming the vendor', async () => {
    const page = Array.from({ length: 200 }, (_, i) => datalabRun(1000 - i))
    const { fetch, requests } = fakeFetch({
      'GET /dl/api/v1/eval_batch_runs': () => json({ batch_runs: page, total: 500 }),
    })
    const warnings: string[][] = []
    const details: unknown[] = []
    const evalrun = createEvalrun({ ...vendorOptions(fetch), promptlayer: false, humanloop: false })
    const runs = await collect(
      evalrun.runs.list({
        onWarning: (message, vendor, detail) => {
          warnings.push([vendor, message])
          details.push(detail)
        },
      }),
    )
    expect(runs).toHaveLength(200)
    expect(requests).toHaveLength(2)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]![0]).toBe('datalab')
    expect(warnings[0]![1]).toMatch(/^Datalab answered page 2 with the same runs as the page before/)
    // Marked, so that a caller can tell an incomplete listing from a remark.
    expect(details).toEqual([{ stoppedEarly: true }])
  })

  it('without onWarning the warning goes to console.warn', async () => {
    const { fetch } = fakeFetch({
      'GET /dl/api/v1/eval_batch_runs': () => json({ batch_runs: [datalabRun(1)], total: 9 }),
    })
    const printed: unknown[] = []
    const original = console.warn
    console.warn = (...args: unknown[]) => printed.push(args.join(' '))
    try {
      const evalrun = createEvalrun({ ...vendorOptions(fetch), promptlayer: false, humanloop: false })
      await collect(evalrun.runs.list())
    } finally {
      console.warn = original
    }
    expect(printed).toEqual([expect.stringMatching(/^evalrun \(datalab\): Datalab answered page 2/)])
  })

  it('a cursor handed back twice ends the listing', () => {
    const warnings: string[] = []
    const guard = createPageGuard('Acme', (message) => warnings.push(message))
    expect(guard.freshPage(['a'])).toBe(true)
    expect(guard.mayContinue('c1')).toBe(true)
    expect(guard.freshPage(['b'])).toBe(true)
    expect(guard.mayContinue('c1')).toBe(false)
    expect(warnings).toEqual(['Acme handed back cursor "c1" a second time; listing stopped there.'])
  })

  it('no listing reads more pages than the bound', () => {
    const warnings: string[] = []
    const guard = createPageGuard('Acme', (message) => warnings.push(message), 3)
    let pages = 0
    do pages++
    while (guard.freshPage([`run${pages}`]) && guard.mayContinue(`cursor${pages}`))
    expect(pages).toBe(3)
    expect(warnings).toEqual(['Acme: listing stopped after 3 pages, the most one listing reads.'])
  })
})
