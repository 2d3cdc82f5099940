/** The sandbox (from source: it is a test tool, not under measurement) and facade options that point at it. */
import type * as Facade from 'evalrun'
import { type Sandbox, type SandboxOptions, startSandbox } from '../../packages/sandbox/src/index.js'
import { langfuseKeys as splitLangfuseKeys } from '../../packages/sandbox/src/vendors/langfuse/index.js'

export type { Sandbox }

export function startBenchSandbox(options: SandboxOptions): Promise<Sandbox> {
  return startSandbox({ port: 0, seed: 7, ...options })
}

/** Langfuse's two keys, from the sandbox's `<publicKey>:<secretKey>` (what basic auth carries). */
export function langfuseKeys(sandbox: Pick<Sandbox, 'apiKeys'>): { publicKey: string; secretKey: string } {
  return splitLangfuseKeys(sandbox.apiKeys.langfuse)
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
    langfuse: { ...langfuseKeys(sandbox), baseUrl: sandbox.urls.langfuse },
    phoenix: { apiKey: sandbox.apiKeys.phoenix, baseUrl: sandbox.urls.phoenix },
  }
}
