/**
 * Runs anywhere, edge: the facade and the vendor clients, bundled as an edge runtime's bundler would
 * (no Node built-ins, worker conditions), evaluated inside `@edge-runtime/vm`'s EdgeVM (the Edge Runtime's
 * globals only, its own fetch), list, get and start runs against the sandbox.
 */
import { fileURLToPath } from 'node:url'
import { EdgeVM } from '@edge-runtime/vm'
import { startSandbox } from '@evalrun/sandbox'
import { BUILT_IN_VENDORS } from 'evalrun'
import { describe, expect, it } from 'vitest'
import { bundleForRuntime } from './support/bundle.js'

const workerEntry = fileURLToPath(new URL('./fixtures/edge-worker.ts', import.meta.url))

interface EdgeOutcome {
  listed: string[]
  fetched: string[]
  started: string
  startedStatus: string
  vendorClients: Record<string, unknown>
}

describe('edge runtime (EdgeVM)', () => {
  it('lists, gets and starts runs through the facade and the vendor clients', {
    timeout: 30_000,
  }, async () => {
    const sandbox = await startSandbox({ port: 0, seed: 5, runs: 4, suites: 2, clock: 'manual' })
    try {
      const code = await bundleForRuntime(workerEntry, 'edge', 'edgeWorker')
      const vm = new EdgeVM()
      // The Edge Runtime has no `process`: the bundle must not need one.
      expect(vm.evaluate('typeof process')).toBe('undefined')
      vm.evaluate(code)
      const collection = sandbox.catalog.datalab.collections.find((c) => c.fileCount > 0)
      const config = {
        facade: sandbox.clientOptions,
        datalab: {
          apiKey: sandbox.apiKeys.datalab,
          baseUrl: sandbox.urls.datalab,
          collectionId: collection?.id,
          rubricId: sandbox.catalog.datalab.rubrics[0]?.id,
        },
        promptlayer: { apiKey: sandbox.apiKeys.promptlayer, baseUrl: sandbox.urls.promptlayer },
        humanloop: {
          apiKey: sandbox.apiKeys.humanloop,
          baseUrl: sandbox.urls.humanloop,
          fileId: sandbox.catalog.humanloop.files[0]?.id,
        },
      }
      const answer: string = await vm.evaluate(
        `edgeWorker.exercise(${JSON.stringify(JSON.stringify(config))})`,
      )
      const outcome = JSON.parse(answer) as EdgeOutcome

      // Four seeded runs of every vendor the sandbox serves, listed through the facade, and each seeded PromptLayer
      // Tables sheet's latest scoring.
      expect(outcome.listed).toHaveLength(
        4 * Object.keys(sandbox.urls).length + sandbox.catalog.promptlayer.sheets.length,
      )
      // One run of every built-in vendor read back, in the vendor list's order.
      expect(outcome.fetched.map((ref) => ref.split(':')[0])).toEqual(
        BUILT_IN_VENDORS.map((vendor) => vendor.id),
      )
      expect(outcome.started).toMatch(/^datalab:\d+$/)
      expect(outcome.startedStatus).toMatch(/^(queued|running)$/)
      expect(outcome.vendorClients).toEqual({
        datalabListed: 5,
        datalabGot: Number(outcome.started.split(':')[1]),
        promptlayerPipelines: expect.any(Number),
        humanloopEvaluations: expect.any(Number),
      })
      expect(sandbox.stats().runs.datalab).toBe(5)
    } finally {
      await sandbox.close()
    }
  })
})
