import type { SandboxVendorModule } from '../../vendor-module.js'
import { createDatalabApp } from './app.js'

export interface DatalabCatalog {
  collections: Array<{ id: number; name: string; fileCount: number }>
  rubrics: Array<{ id: number; name: string }>
}

export const datalabSandbox: SandboxVendorModule<DatalabCatalog, { apiKey: string; baseUrl: string }> = {
  id: 'datalab',
  defaultApiKey: 'sandbox-datalab-key',
  start(seed, suites, runs, nowMs) {
    const app = createDatalabApp(seed, suites, runs, nowMs)
    const catalog: DatalabCatalog = {
      collections: [...app.model.collections.values()].map((c) => ({
        id: c.id,
        name: c.name,
        fileCount: c.files.length,
      })),
      rubrics: [...app.model.rubrics.values()].map((r) => ({ id: r.id, name: r.name })),
    }
    return {
      app,
      catalog,
      clientOptions: (baseUrl, apiKey) => ({ apiKey, baseUrl }),
      env: (baseUrl, apiKey) => ({ DATALAB_BASE_URL: baseUrl, DATALAB_API_KEY: apiKey }),
      sampleStartInput: () => ({
        vendor: 'datalab',
        collectionId: first(catalog.collections).id,
        rubricId: first(catalog.rubrics).id,
      }),
    }
  },
}

function first<T>(list: T[]): T {
  if (list[0] === undefined)
    throw new Error('the Datalab sandbox has no collection or rubric to start a run on')
  return list[0]
}
