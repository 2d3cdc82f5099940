/** The sandbox (from source: it is a test tool, not under measurement) and facade options that point at it. */
import type * as Facade from 'evalrun'
import { type Sandbox, type SandboxOptions, startSandbox } from '../../packages/sandbox/src/index.js'

export type { Sandbox }

export function startBenchSandbox(options: SandboxOptions): Promise<Sandbox> {
  return startSandbox({ port: 0, seed: 7, ...options })
}

/** Every vendor of the facade on the sandbox, Humanloop reading every seeded file. */
export function facadeOptions(sandbox: Pick<Sandbox, 'urls' | 'apiKeys' | 'catalog'>): Facade.EvalrunOptions {
  return {
    datalab: { apiKey: sandbox.apiKeys.datalab, baseUrl: sandbox.urls.datalab },
    promptlayer: { apiKey: sandbox.apiKeys.promptlayer, baseUrl: sandbox.urls.promptlayer },
    humanloop: {
      apiKey: sandbox.apiKeys.humanloop,
      baseUrl: sandbox.urls.humanloop,
      fileIds: sandbox.catalog.humanloop.files.map((file) => file.id),
    },
    openai: { apiKey: sandbox.apiKeys.openai, baseUrl: sandbox.urls.openai },
  }
}
