import type { EvalRun, Evalrun } from 'evalrun'
import type { SuiteCheck } from '../check-config/config-types.js'
import { classifyError } from '../classify-error.js'
import { ExitCode } from '../exit-codes.js'
import { judgeSuite, type SuiteOutcome } from './judge-suite.js'
import { suiteRuns } from './suite-runs.js'

/** Waits for one run to end, as `runs wait` does (its timeout, polling and failed-poll limit). */
export type WaitForRun = (ref: string) => Promise<EvalRun>

/**
 * `evalrun check`'s verdicts, one per suite (and one per given ref no suite claims). Without refs, each suite's
 * newest run is judged, waited for if it has not ended; with refs (the runs a workflow just started), each is
 * waited for and judged under its suite's gates, and a suite none of them belongs to fails. Never passes what it
 * did not read: a suite without a run, or whose listing was cut short, fails.
 */
export async function checkSuites(
  evalrun: Evalrun,
  checks: readonly SuiteCheck[],
  refs: readonly string[],
  wait: WaitForRun,
): Promise<SuiteOutcome[]> {
  if (refs.length === 0) return Promise.all(checks.map((check) => checkNewest(evalrun, check, wait)))
  const waited = await Promise.all(refs.map((ref) => waitFor(ref, wait)))
  const outcomes: SuiteOutcome[] = []
  for (const check of checks) {
    const mine = waited.filter((w) => 'run' in w && w.run.suite.ref === check.suite)
    if (mine.length === 0) {
      outcomes.push(
        unjudged(
          check.suite,
          check.suite,
          ExitCode.gateFailed,
          'none of the refs given is a run of this suite',
        ),
      )
    }
    for (const w of mine) if ('run' in w) outcomes.push(await judgeSuite(evalrun, check, w.run, null))
  }
  for (const w of waited) {
    if ('outcome' in w) outcomes.push(w.outcome)
    else if (!checks.some((check) => check.suite === w.run.suite.ref)) {
      const suites = checks.map((check) => check.suite).join(', ')
      outcomes.push({
        ...unjudged(
          w.run.suite.ref,
          w.run.ref,
          ExitCode.usage,
          `its suite ${w.run.suite.ref} is not in the config (${suites})`,
        ),
        run: w.run,
      })
    }
  }
  return outcomes
}

async function checkNewest(evalrun: Evalrun, check: SuiteCheck, wait: WaitForRun): Promise<SuiteOutcome> {
  const listed = await suiteRuns(evalrun, check.suite)
  if (listed.runs === null) return unjudged(check.suite, check.suite, listed.exitCode, listed.why)
  const newest = listed.runs[0]
  if (newest === undefined)
    return unjudged(check.suite, check.suite, ExitCode.gateFailed, 'the suite has no run')
  const ended = newest.terminal ? { run: newest } : await waitFor(newest.ref, wait)
  if ('outcome' in ended) return { ...ended.outcome, suite: check.suite }
  return judgeSuite(evalrun, check, ended.run, listed.runs)
}

async function waitFor(ref: string, wait: WaitForRun): Promise<{ run: EvalRun } | { outcome: SuiteOutcome }> {
  try {
    return { run: await wait(ref) }
  } catch (error) {
    const { exitCode, message } = classifyError(error)
    return { outcome: unjudged('', ref, exitCode, message) }
  }
}

function unjudged(suite: string, ref: string, exitCode: ExitCode, line: string): SuiteOutcome {
  return { suite, ref, exitCode, line, run: null, baseline: null, drop: null, comparison: null }
}
