import type { SandboxVendorModule } from '../../vendor-module.js'
import { createPromptLayerApp } from './app.js'

export interface PromptLayerCatalog {
  pipelines: Array<{ id: number; name: string; datasetId: number }>
}

export const promptlayerSandbox: SandboxVendorModule<
  PromptLayerCatalog,
  { apiKey: string; baseUrl: string }
> = {
  id: 'promptlayer',
  defaultApiKey: 'sandbox-promptlayer-key',
  start(seed, suites, runs, nowMs) {
    const app = createPromptLayerApp(seed, suites, runs, nowMs)
    const catalog: PromptLayerCatalog = {
      pipelines: [...app.model.reports.values()]
        .filter((report) => report.isBlueprint)
        .map((report) => ({ id: report.id, name: report.name, datasetId: report.datasetId })),
    }
    return {
      app,
      catalog,
      clientOptions: (baseUrl, apiKey) => ({ apiKey, baseUrl }),
      env: (baseUrl, apiKey) => ({ PROMPTLAYER_BASE_URL: baseUrl, PROMPTLAYER_API_KEY: apiKey }),
      sampleStartInput: () => {
        const pipeline = catalog.pipelines[0]
        if (pipeline === undefined)
          throw new Error('the PromptLayer sandbox has no pipeline to start a run on')
        return { vendor: 'promptlayer', pipelineId: pipeline.id, name: 'evalrun demo' }
      },
    }
  },
}
