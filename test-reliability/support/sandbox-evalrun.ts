import type { Sandbox } from '@evalrun/sandbox'
import { createEvalrun, type Evalrun, type EvalrunOptions, type RetryOptions } from 'evalrun'

export interface SandboxEvalrunOptions {
  /** Retry budget per request; small delays keep the suite fast (the sandbox's 429s ask for 0 s). */
  retry?: RetryOptions | false
  timeoutMs?: number
  fetch?: EvalrunOptions['fetch']
}

/** An evalrun client for all three sandbox vendors, configured by options only (never the process env). */
export function sandboxEvalrun(sandbox: Sandbox, options: SandboxEvalrunOptions = {}): Evalrun {
  return createEvalrun({
    ...sandbox.clientOptions,
    retry: options.retry ?? { maxRetries: 8, baseDelayMs: 5, maxDelayMs: 50 },
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  })
}
