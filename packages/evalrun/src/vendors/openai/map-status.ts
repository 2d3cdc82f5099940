import type { MappedStatus } from '../../core/mapped-status.js'
import type { RunStatus } from '../../core/model.js'
import { preview } from '../../core/read-json.js'

// The values `GET /evals/{eval_id}/runs` filters on; the run's own `status` is an open string in the spec.
export const OPENAI_STATUS_WORDS: Readonly<Record<string, RunStatus>> = {
  queued: 'queued',
  in_progress: 'running',
  completed: 'completed',
  failed: 'failed',
  canceled: 'canceled',
}

/** An OpenAI run status in evalrun's terms; anything else is `unknown`, with the raw word kept and a warning. */
export function mapOpenAIStatus(status: unknown): MappedStatus {
  if (typeof status === 'string' && Object.hasOwn(OPENAI_STATUS_WORDS, status)) {
    return { status: OPENAI_STATUS_WORDS[status] as RunStatus, vendorStatus: status, warnings: [] }
  }
  return {
    status: 'unknown',
    vendorStatus: typeof status === 'string' ? status : null,
    warnings: [`OpenAI run status ${preview(status)} is not one evalrun knows; mapped to unknown.`],
  }
}
