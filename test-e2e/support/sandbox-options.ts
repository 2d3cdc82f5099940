import type { Sandbox } from '@evalrun/sandbox'
import type { EvalrunOptions } from 'evalrun'

/** createEvalrun options for every vendor of `sandbox`, Humanloop reading every seeded file. */
export function facadeOptionsFor(sandbox: Sandbox): EvalrunOptions {
  return {
    datalab: { apiKey: sandbox.apiKeys.datalab, baseUrl: sandbox.urls.datalab },
    promptlayer: { apiKey: sandbox.apiKeys.promptlayer, baseUrl: sandbox.urls.promptlayer },
    humanloop: {
      apiKey: sandbox.apiKeys.humanloop,
      baseUrl: sandbox.urls.humanloop,
      fileIds: sandbox.catalog.humanloop.files.map((file) => file.id),
    },
  }
}
