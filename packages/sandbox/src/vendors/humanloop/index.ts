import type { SandboxVendorModule } from '../../vendor-module.js'
import { createHumanloopApp } from './app.js'

export interface HumanloopCatalog {
  files: Array<{ id: string; path: string }>
  evaluations: Array<{ id: string; name: string; fileId: string }>
  datasets: Array<{ id: string; versionId: string }>
  versions: Array<{ id: string; versionId: string }>
}

export interface HumanloopSandboxClientOptions {
  apiKey: string
  baseUrl: string
  /** Every seeded file: Humanloop lists evaluations per file. */
  fileIds: string[]
}

export const humanloopSandbox: SandboxVendorModule<HumanloopCatalog, HumanloopSandboxClientOptions> = {
  id: 'humanloop',
  defaultApiKey: 'sandbox-humanloop-key',
  start(seed, suites, runs, nowMs) {
    const app = createHumanloopApp(seed, suites, runs, nowMs)
    const { model } = app
    const catalog: HumanloopCatalog = {
      files: [...model.files.values()].map((file) => ({ id: file.id, path: file.path })),
      evaluations: [...model.evaluations.values()].map((e) => ({ id: e.id, name: e.name, fileId: e.fileId })),
      datasets: [...model.datasets.values()].map((d) => ({ id: d.id, versionId: d.versionId })),
      versions: [...model.files.values()].map((file) => ({ id: file.id, versionId: file.versionId })),
    }
    const fileIds = catalog.files.map((file) => file.id)
    return {
      app,
      catalog,
      clientOptions: (baseUrl, apiKey) => ({ apiKey, baseUrl, fileIds }),
      env: (baseUrl, apiKey) => ({
        HUMANLOOP_BASE_URL: baseUrl,
        HUMANLOOP_API_KEY: apiKey,
        HUMANLOOP_FILE_IDS: fileIds.join(','),
      }),
      sampleStartInput: () => {
        const [evaluation, dataset, version] = [
          catalog.evaluations[0],
          catalog.datasets[0],
          catalog.versions[0],
        ]
        if (!evaluation || !dataset || !version) {
          throw new Error('the Humanloop sandbox has no evaluation, dataset or version to start a run on')
        }
        return {
          vendor: 'humanloop',
          evaluationId: evaluation.id,
          dataset: { versionId: dataset.versionId },
          version: { versionId: version.versionId },
        }
      },
    }
  },
}
