import type { AddressInfo } from 'node:net'
import { createClock } from './clock.js'
import { FaultPlan } from './faults.js'
import { createOpenApiRouter } from './http/openapi-router.js'
import { createSandboxServer, type MountedVendor } from './http/server.js'
import type { VendorApp } from './http/vendor-app.js'
import {
  SANDBOX_VENDORS,
  type Sandbox,
  type SandboxCatalog,
  type SandboxClientOptions,
  type SandboxOptions,
  type SandboxVendor,
} from './types.js'
import { createDatalabApp } from './vendors/datalab/app.js'
import { createHumanloopApp } from './vendors/humanloop/app.js'
import { createPromptLayerApp } from './vendors/promptlayer/app.js'

const ENV_PREFIX: Record<SandboxVendor, string> = {
  datalab: 'DATALAB',
  promptlayer: 'PROMPTLAYER',
  humanloop: 'HUMANLOOP',
}

function positiveInteger(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`)
  return value
}

/**
 * Starts a local server on 127.0.0.1 that serves Datalab, PromptLayer and Humanloop's evaluation APIs from
 * seeded in-memory data, as their vendored OpenAPI specs describe them.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = positiveInteger('seed', options.seed ?? 1, 0)
  const suites = positiveInteger('suites', options.suites ?? 3, 1)
  const runs = positiveInteger('runs', options.runs ?? 30, 0)
  const port = positiveInteger('port', options.port ?? 0, 0)
  const clock = createClock(options.clock ?? { speed: 1 })
  const apiKeys: Record<SandboxVendor, string> = {
    datalab: options.apiKeys?.datalab ?? 'sandbox-datalab-key',
    promptlayer: options.apiKeys?.promptlayer ?? 'sandbox-promptlayer-key',
    humanloop: options.apiKeys?.humanloop ?? 'sandbox-humanloop-key',
  }
  const faults = new FaultPlan(seed)
  faults.set(options.faults)

  const startMs = clock.nowMs()
  const datalab = createDatalabApp(seed, suites, runs, startMs)
  const promptlayer = createPromptLayerApp(seed, suites, runs, startMs)
  const humanloop = createHumanloopApp(seed, suites, runs, startMs)
  const apps: VendorApp[] = [datalab, promptlayer, humanloop]
  const vendors: MountedVendor[] = await Promise.all(
    apps.map(async (app) => ({ app, handle: (await createOpenApiRouter(app, apiKeys[app.vendor])).handle })),
  )

  let requests = 0
  const { server, shutdown } = createSandboxServer({
    vendors,
    faults,
    nowMs: () => clock.nowMs(),
    onRequest: () => {
      requests++
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const urls = Object.fromEntries(apps.map((app) => [app.vendor, `${origin}${app.prefix}`])) as Record<
    SandboxVendor,
    string
  >

  const catalog: SandboxCatalog = {
    datalab: {
      collections: [...datalab.model.collections.values()].map((c) => ({
        id: c.id,
        name: c.name,
        fileCount: c.files.length,
      })),
      rubrics: [...datalab.model.rubrics.values()].map((r) => ({ id: r.id, name: r.name })),
    },
    promptlayer: {
      pipelines: [...promptlayer.model.reports.values()]
        .filter((report) => report.isBlueprint)
        .map((report) => ({ id: report.id, name: report.name, datasetId: report.datasetId })),
    },
    humanloop: {
      files: [...humanloop.model.files.values()].map((file) => ({ id: file.id, path: file.path })),
      evaluations: [...humanloop.model.evaluations.values()].map((e) => ({
        id: e.id,
        name: e.name,
        fileId: e.fileId,
      })),
      datasets: [...humanloop.model.datasets.values()].map((d) => ({ id: d.id, versionId: d.versionId })),
      versions: [...humanloop.model.files.values()].map((file) => ({
        id: file.id,
        versionId: file.versionId,
      })),
    },
  }

  const env: Record<string, string> = {}
  for (const vendor of SANDBOX_VENDORS) {
    env[`${ENV_PREFIX[vendor]}_BASE_URL`] = urls[vendor]
    env[`${ENV_PREFIX[vendor]}_API_KEY`] = apiKeys[vendor]
  }
  const fileIds = catalog.humanloop.files.map((file) => file.id)
  env.HUMANLOOP_FILE_IDS = fileIds.join(',')
  const clientOptions: SandboxClientOptions = {
    datalab: { apiKey: apiKeys.datalab, baseUrl: urls.datalab },
    promptlayer: { apiKey: apiKeys.promptlayer, baseUrl: urls.promptlayer },
    humanloop: { apiKey: apiKeys.humanloop, baseUrl: urls.humanloop, fileIds },
  }

  let closed: Promise<void> | null = null
  return {
    urls,
    apiKeys,
    env,
    clientOptions,
    clock: { now: clock.now, advance: clock.advance, speed: clock.speed },
    catalog,
    setFaults: (next) => faults.set(next),
    stats: () => ({
      requests,
      faultsInjected: faults.injected,
      runs: {
        datalab: datalab.runCount(),
        promptlayer: promptlayer.runCount(),
        humanloop: humanloop.runCount(),
      },
    }),
    close: () => {
      closed ??= shutdown()
      return closed
    },
  }
}
