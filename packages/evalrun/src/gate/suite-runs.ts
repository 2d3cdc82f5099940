import type { Evalrun } from '../core/create-evalrun.js'
import type { EvalRun } from '../core/model.js'
import { newestFirst } from '../core/newest-runs.js'
import type { BaselineChoice } from './suite-gate.js'
import { messageOf } from './verdict.js'

/** A run found, or why none was (`error` when a read failed). */
export type Found =
  | { run: EvalRun }
  | { run: null; verdict: 'failed' | 'unread'; why: string; error?: unknown }

/** A suite's runs, or why they could not all be read. */
export type SuiteRuns = { runs: EvalRun[] } | { runs: null; why: string; error?: unknown }

/**
 * Every run of a suite, newest first. Fails closed: a listing cut short (`stoppedEarly`) or a vendor failure
 * gives no runs, so that the newest run is never one that merely came first in a partial read. Other warnings go
 * to `onWarning`.
 */
export async function suiteRuns(
  evalrun: Evalrun,
  suite: string,
  options: { signal?: AbortSignal; onWarning?: (message: string) => void } = {},
): Promise<SuiteRuns> {
  let cut: string | null = null
  const runs: EvalRun[] = []
  try {
    const listing = evalrun.runs.list({
      suite,
      ...(options.signal ? { signal: options.signal } : {}),
      onWarning: (message, _vendor, detail) => {
        if (detail?.stoppedEarly) cut ??= message
        else options.onWarning?.(message)
      },
    })
    for await (const run of listing) runs.push(run)
  } catch (error) {
    return { runs: null, why: `listing the suite's runs failed: ${messageOf(error)}`, error }
  }
  if (cut !== null) return { runs: null, why: `the listing of the suite's runs was cut short: ${cut}` }
  return { runs: runs.sort(newestFirst) }
}

/**
 * The run a drop is measured from, never `head` itself nor a run created after it: the previous completed run of
 * the suite, a fixed ref (which must have completed), or the newest completed run whose name and metadata match.
 */
export async function findBaseline(
  evalrun: Evalrun,
  choice: BaselineChoice,
  head: EvalRun,
  listed: EvalRun[],
  signal?: AbortSignal,
): Promise<Found> {
  if (choice.kind === 'ref') {
    try {
      const run = await evalrun.runs.get(choice.ref, signal ? { signal } : {})
      if (run.status === 'completed') return { run }
      return { run: null, verdict: 'failed', why: `baseline ${run.ref} is ${run.status}, not completed` }
    } catch (error) {
      return {
        run: null,
        verdict: 'unread',
        why: `baseline ${choice.ref} could not be read: ${messageOf(error)}`,
        error,
      }
    }
  }
  const before = (run: EvalRun) =>
    run.ref !== head.ref &&
    run.status === 'completed' &&
    (head.createdAt === null || run.createdAt === null || run.createdAt < head.createdAt)
  const candidates = listed.filter(before).filter((run) => choice.kind === 'previous' || matches(run, choice))
  const run = candidates[0]
  if (run !== undefined) return { run }
  const wanted =
    choice.kind === 'previous'
      ? 'no completed run of the suite before it'
      : `no completed run before it matches ${describeMatch(choice)}`
  return { run: null, verdict: 'failed', why: `no baseline: ${wanted}` }
}

/** The name equal, and each metadata entry equal to the same key of the vendor's own `metadata` on the run. */
function matches(run: EvalRun, choice: Extract<BaselineChoice, { kind: 'match' }>): boolean {
  if (choice.name !== null && run.name !== choice.name) return false
  const raw = run.raw as { metadata?: unknown } | null
  const metadata = typeof raw?.metadata === 'object' && raw.metadata !== null ? raw.metadata : {}
  return Object.entries(choice.metadata).every(
    ([key, value]) => String((metadata as Record<string, unknown>)[key] ?? '\0') === value,
  )
}

function describeMatch(choice: Extract<BaselineChoice, { kind: 'match' }>): string {
  const parts = [
    ...(choice.name === null ? [] : [`name ${JSON.stringify(choice.name)}`]),
    ...Object.entries(choice.metadata).map(([key, value]) => `metadata.${key} ${JSON.stringify(value)}`),
  ]
  return parts.join(' and ')
}
