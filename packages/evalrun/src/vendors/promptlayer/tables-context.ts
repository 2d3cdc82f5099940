import type { RetryOptions } from '@evalrun/http'
import type { PromptLayerClient } from '@evalrun/promptlayer'

/** What this adapter saw of an operation run: its last polled state and the calculation that scores it. */
export interface SeenOperation {
  operation?: unknown
  calculationId?: string
}

/** How many operation runs one adapter remembers (a `wait` polls one; a CI job waits for a few). */
const SEEN_LIMIT = 500

/**
 * The adapter's memory of the operations it polled. PromptLayer forgets an operation some time after it ends (its
 * GET answers 404): the run is then read from what was seen here, and the calculation this adapter asked for is
 * the one that scores it, not whatever the sheet computed later.
 */
export class SeenOperations {
  private readonly byRunId = new Map<string, SeenOperation>()

  get(runId: string): SeenOperation {
    let seen = this.byRunId.get(runId)
    if (seen === undefined) {
      seen = {}
      this.byRunId.set(runId, seen)
      if (this.byRunId.size > SEEN_LIMIT) this.byRunId.delete(this.byRunId.keys().next().value as string)
    }
    return seen
  }
}

export interface TablesContext {
  client: PromptLayerClient
  retry: Required<RetryOptions> | false
  seen: SeenOperations
}

export const SHEET = '/api/public/v2/tables/{table_id}/sheets/{sheet_id}' as const
export const OPERATIONS = `${SHEET}/operations` as const
export const OPERATION = `${SHEET}/operations/{operation_id}` as const
export const SCORECARD = `${SHEET}/scorecard` as const
