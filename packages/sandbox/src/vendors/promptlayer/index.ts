import type { SandboxVendorModule } from '../../vendor-module.js'
import { createPromptLayerApp } from './app.js'

export interface PromptLayerCatalog {
  pipelines: Array<{ id: number; name: string; datasetId: number }>
  /**
   * The Tables API's sheets, each with scored versions. `staleCells`: what a recalculation of the stale cells
   * queues (0: nothing to do, a no-op answer; above 30: it needs confirmation first).
   */
  sheets: Array<{ tableId: string; sheetId: string; title: string; staleCells: number }>
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
      sheets: app.model.tables.tables.flatMap((table) =>
        table.sheets.map((sheet) => ({
          tableId: table.id,
          sheetId: sheet.id,
          title: `${table.title} / ${sheet.title}`,
          staleCells: sheet.staleRows.size * sheet.columns.filter((column) => column.type !== 'TEXT').length,
        })),
      ),
    }
    return {
      app,
      catalog,
      clientOptions: (baseUrl, apiKey) => ({ apiKey, baseUrl }),
      env: (baseUrl, apiKey) => ({ PROMPTLAYER_BASE_URL: baseUrl, PROMPTLAYER_API_KEY: apiKey }),
      // A Tables run (PromptLayer's current API): recalculate a sheet's stale cells, then its scorecard.
      sampleStartInput: () => {
        const sheet = catalog.sheets.find((one) => one.staleCells > 0 && one.staleCells <= 30)
        if (sheet === undefined)
          throw new Error('the PromptLayer sandbox has no sheet with stale cells to recalculate')
        return { vendor: 'promptlayer', tableId: sheet.tableId, sheetId: sheet.sheetId }
      },
    }
  },
}
