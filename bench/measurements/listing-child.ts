/**
 * One listing of measurement 6, alone in its process so that peak RSS is its own: `facade` (runs.list over all
 * three vendors) or `raw` (the hand-written fetch loop). argv: mode, then the sandbox as JSON.
 * Prints one JSON line: runs listed, milliseconds, peak RSS before and after the listing (kB).
 */
import { facadeOptions } from '../lib/sandbox.js'
import type { RemoteSandbox } from '../lib/sandbox-process.js'
import { loadFacade } from '../lib/workspace-modules.js'
import { listRawRuns } from './raw-listing.js'

const mode = process.argv[2]
const sandbox = JSON.parse(process.argv[3] ?? '{}') as Omit<RemoteSandbox, 'close'>
const { createEvalrun } = await loadFacade()
const evalrun = createEvalrun(facadeOptions(sandbox))

async function listFacade(): Promise<number> {
  let count = 0
  for await (const _run of evalrun.runs.list()) count++
  return count
}

const maxRssBeforeKb = process.resourceUsage().maxRSS
const started = performance.now()
const runs = mode === 'raw' ? await listRawRuns(sandbox) : await listFacade()
const ms = performance.now() - started
process.stdout.write(
  `${JSON.stringify({ runs, ms, maxRssBeforeKb, maxRssAfterKb: process.resourceUsage().maxRSS })}\n`,
)
