import type { Evalrun } from '../core/create-evalrun.js'
import type { EvalRun } from '../core/model.js'
import { type JudgeSuiteOptions, judgeSuite } from './judge-suite.js'
import type { SuiteGate, SuiteVerdict } from './suite-gate.js'
import { suiteRuns } from './suite-runs.js'
import { type GateVerdict, messageOf } from './verdict.js'

/** Waits for one run to end (`runs.wait` with the caller's timeout and polling). */
export type WaitForRun = (ref: string) => Promise<EvalRun>

export interface CheckSuitesOptions extends JudgeSuiteOptions {
  /** The runs a workflow just started: each waited for and judged under its suite's gates. Default: none. */
  refs?: readonly string[]
  /** How to wait for a run that has not ended (default: `runs.wait` with its defaults). */
  wait?: WaitForRun
}

/**
 * The verdicts of a set of suite gates (`evalrun check`), one per suite, and one per given ref no suite claims.
 * Without refs, each suite's newest run is judged, waited for if it has not ended; with refs, each is waited for
 * and judged under its suite's gates, and a suite none of them belongs to fails. Never passes what it did not
 * read: a suite without a run, or whose listing was cut short, does not pass.
 */
export async function checkSuites(
  evalrun: Evalrun,
  gates: readonly SuiteGate[],
  options: CheckSuitesOptions = {},
): Promise<SuiteVerdict[]> {
  const refs = options.refs ?? []
  const wait: WaitForRun =
    options.wait ?? ((ref) => evalrun.runs.wait(ref, options.signal ? { signal: options.signal } : {}))
  if (refs.length === 0) return Promise.all(gates.map((gate) => checkNewest(evalrun, gate, wait, options)))
  const waited = await Promise.all(refs.map((ref) => waitFor(ref, wait)))
  const verdicts: SuiteVerdict[] = []
  for (const gate of gates) {
    const mine = waited.filter((w) => 'run' in w && w.run.suite.ref === gate.suite)
    if (mine.length === 0) {
      verdicts.push(
        unjudged(gate.suite, gate.suite, 'failed', 'none of the refs given is a run of this suite'),
      )
    }
    for (const w of mine) if ('run' in w) verdicts.push(await judgeSuite(evalrun, gate, w.run, null, options))
  }
  for (const w of waited) {
    if ('verdict' in w) verdicts.push(w.verdict)
    else if (!gates.some((gate) => gate.suite === w.run.suite.ref)) {
      const suites = gates.map((gate) => gate.suite).join(', ')
      const why = `its suite ${w.run.suite.ref} has no gate (gated: ${suites})`
      verdicts.push({ ...unjudged(w.run.suite.ref, w.run.ref, 'not-judgeable', why), run: w.run })
    }
  }
  return verdicts
}

async function checkNewest(
  evalrun: Evalrun,
  gate: SuiteGate,
  wait: WaitForRun,
  options: JudgeSuiteOptions,
): Promise<SuiteVerdict> {
  const listed = await suiteRuns(evalrun, gate.suite, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
  })
  if (listed.runs === null) return unjudged(gate.suite, gate.suite, 'unread', listed.why, listed.error)
  const newest = listed.runs[0]
  if (newest === undefined) return unjudged(gate.suite, gate.suite, 'failed', 'the suite has no run')
  // Read again even when the listing says it ended: a listed run may be a summary (Phoenix lists experiments
  // without the scores its export gives), and the gate judges the run as `get` reads it.
  const ended = await waitFor(newest.ref, wait)
  // Not read, or not ended in time (or interrupted): the run as listed is what is known of it.
  if ('verdict' in ended) return { ...ended.verdict, suite: gate.suite, run: newest }
  return judgeSuite(evalrun, gate, ended.run, listed.runs, options)
}

async function waitFor(ref: string, wait: WaitForRun): Promise<{ run: EvalRun } | { verdict: SuiteVerdict }> {
  try {
    return { run: await wait(ref) }
  } catch (error) {
    return { verdict: unjudged('', ref, 'unread', messageOf(error), error) }
  }
}

function unjudged(
  suite: string,
  ref: string,
  verdict: GateVerdict,
  reason: string,
  error?: unknown,
): SuiteVerdict {
  return {
    suite,
    ref,
    verdict,
    reason,
    ...(error !== undefined ? { error } : {}),
    run: null,
    baseline: null,
    drop: null,
    comparison: null,
  }
}
