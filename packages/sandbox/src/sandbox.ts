import type { AddressInfo } from 'node:net'
import { createClock } from './clock.js'
import { FaultPlan } from './faults.js'
import { createOpenApiRouter } from './http/openapi-router.js'
import { createSandboxServer, type MountedVendor } from './http/server.js'
import type { VendorApp } from './http/vendor-app.js'
import {
  SANDBOX_VENDORS,
  type Sandbox,
  type SandboxAzureOptions,
  type SandboxCatalog,
  type SandboxClientOptions,
  type SandboxOptions,
  type SandboxVendor,
} from './types.js'
import type { StartedVendor } from './vendor-module.js'
import { SANDBOX_VENDOR_MODULES } from './vendors/index.js'

function positiveInteger(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`)
  return value
}

async function mount(app: VendorApp, apiKey: string): Promise<MountedVendor> {
  return { app, handle: (await createOpenApiRouter(app, apiKey)).handle }
}

/**
 * Starts a local server on 127.0.0.1 that serves every vendor's evaluation API (`vendors/index.ts`) from seeded
 * in-memory data, as their vendored OpenAPI specs describe them.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = positiveInteger('seed', options.seed ?? 1, 0)
  const suites = positiveInteger('suites', options.suites ?? 3, 1)
  const runs = positiveInteger('runs', options.runs ?? 30, 0)
  const port = positiveInteger('port', options.port ?? 0, 0)
  const clock = createClock(options.clock ?? { speed: 1 })
  const apiKeys = Object.fromEntries(
    SANDBOX_VENDORS.map((vendor) => [
      vendor,
      options.apiKeys?.[vendor] ?? SANDBOX_VENDOR_MODULES[vendor].defaultApiKey,
    ]),
  ) as Record<SandboxVendor, string>
  const faults = new FaultPlan(seed)
  faults.set(options.faults)

  const startMs = clock.nowMs()
  const started = new Map<SandboxVendor, StartedVendor<unknown, unknown>>(
    SANDBOX_VENDORS.map((vendor) => [
      vendor,
      SANDBOX_VENDOR_MODULES[vendor].start(seed, suites, runs, startMs),
    ]),
  )
  const each = <T>(pick: (vendor: SandboxVendor, started: StartedVendor<unknown, unknown>) => T) =>
    Object.fromEntries([...started].map(([vendor, one]) => [vendor, pick(vendor, one)]))
  const vendors: MountedVendor[] = await Promise.all(
    [...started].flatMap(([vendor, { app, azure }]) => [
      mount(app, apiKeys[vendor]),
      ...(azure ? [mount(azure.app, azure.apiKey)] : []),
    ]),
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
  const urls = each((_, { app }) => `${origin}${app.prefix}`) as Record<SandboxVendor, string>
  const catalog = each((_, one) => one.catalog) as SandboxCatalog
  const clientOptions = each((vendor, one) =>
    one.clientOptions(urls[vendor], apiKeys[vendor]),
  ) as SandboxClientOptions
  const azure = Object.fromEntries(
    [...started].flatMap(([vendor, one]) =>
      one.azure
        ? [[vendor, one.azure.clientOptions(`${origin}${one.azure.app.prefix}`, one.azure.apiKey)]]
        : [],
    ),
  ) as SandboxAzureOptions
  const env: Record<string, string> = Object.assign(
    {},
    ...[...started].map(([vendor, one]) => one.env(urls[vendor], apiKeys[vendor])),
  )

  let closed: Promise<void> | null = null
  return {
    urls,
    apiKeys,
    env,
    clientOptions,
    azure,
    clock: { now: clock.now, advance: clock.advance, speed: clock.speed },
    catalog,
    sampleStartInputs: () =>
      [...started.values()].flatMap((one) =>
        one.sampleStartInput
          ? [one.sampleStartInput() as { vendor: SandboxVendor } & Record<string, unknown>]
          : [],
      ),
    setFaults: (next) => faults.set(next),
    stats: () => ({
      requests,
      faultsInjected: faults.injected,
      runs: each((_, { app }) => app.runCount()) as Record<SandboxVendor, number>,
    }),
    close: () => {
      closed ??= shutdown()
      return closed
    },
  }
}
