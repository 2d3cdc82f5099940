/**
 * One listing of measurement 6, alone in its process so that peak RSS is its own: `facade` (runs.list over all
 * the vendors the bench configures) or `raw` (the hand-written fetch loop). argv: mode, then a file holding the sandbox as JSON.
 * Prints one JSON line: runs listed, milliseconds, this process's CPU time during the listing (ms), peak RSS before
 * and after the listing (kB). Run with
 * `--expose-gc`, it also samples the live heap (after a full collection, every 50 ms) and reports its peak above
 * the start: what the listing holds, without the garbage V8 has not collected yet. Those runs are not timed.
 */
import { readFileSync } from 'node:fs'
import { sampleLiveHeap } from '../lib/live-heap.js'
import { facadeOptions } from '../lib/sandbox.js'
import type { RemoteSandbox } from '../lib/sandbox-process.js'
import { loadFacade } from '../lib/workspace-modules.js'
import { listRawRuns } from './raw-listing.js'

const mode = process.argv[2]
const sandbox = JSON.parse(readFileSync(process.argv[3] ?? '', 'utf8')) as Omit<RemoteSandbox, 'close'>
const { createEvalrun } = await loadFacade()
// Langfuse says, on every listing without `since`, which 30 days it covers; the raw loop covers the same days.
const evalrun = createEvalrun({ ...facadeOptions(sandbox), onWarning: () => {} })

async function listFacade(): Promise<number> {
  let count = 0
  for await (const _run of evalrun.runs.list()) count++
  return count
}

const heap = sampleLiveHeap(50)

const maxRssBeforeKb = process.resourceUsage().maxRSS
const cpuBefore = process.cpuUsage()
const started = performance.now()
const runs = mode === 'raw' ? await listRawRuns(sandbox) : await listFacade()
const ms = performance.now() - started
const cpu = process.cpuUsage(cpuBefore)
const liveGrowthKb = heap.stop().peakGrowthKb
process.stdout.write(
  `${JSON.stringify({ runs, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssBeforeKb, maxRssAfterKb: process.resourceUsage().maxRSS, liveGrowthKb })}\n`,
)
