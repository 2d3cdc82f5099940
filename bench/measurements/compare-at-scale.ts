/**
 * (10) Comparing two runs: `runs.compare` over two OpenAI runs of 10,000 output items each (100 per page, about
 * 2.4 kB of JSON per item, served in-process), beside reading both runs' items and dropping them (the floor) and
 * beside holding them all before joining them (what a comparison that keeps the items costs). Each in a fresh
 * process. Target: memory bounded by one run's keys and scores, not its payloads: the live heap's peak growth at
 * most a quarter of holding the items, and at most 1 kB per item of a run.
 */
import { execFileSync } from 'node:child_process'
import { type Measurement, verdictOf } from '../lib/result.js'
import { median, round } from '../lib/stats.js'

const ITEMS = 10_000
const REPEATS = 5
const MAX_SHARE_OF_HOLDING = 0.25
const MAX_BYTES_PER_ITEM = 1024
const childScript = new URL('./compare-child.ts', import.meta.url).pathname
const MODES = ['compare', 'stream', 'hold'] as const
type Mode = (typeof MODES)[number]

interface ChildResult {
  items: number
  ms: number
  liveGrowthKb: number | null
  heldKb: number | null
  regressed: number | null
}

function inChild(mode: Mode, nodeFlags: string[] = []): ChildResult {
  const output = execFileSync(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', childScript, mode, String(ITEMS)],
    { encoding: 'utf8', timeout: 300_000 },
  )
  return JSON.parse(output.trim().split('\n').pop() ?? '{}') as ChildResult
}

export async function measureCompareAtScale(): Promise<Measurement> {
  const times: Record<Mode, number[]> = { compare: [], stream: [], hold: [] }
  // Interleaved, each mode going first in turn, so that all three meet the same machine.
  for (let i = 0; i < REPEATS; i++) {
    for (let m = 0; m < MODES.length; m++) {
      const mode = MODES[(i + m) % MODES.length] as Mode
      times[mode].push(inChild(mode).ms)
    }
  }
  // Memory in separate, untimed runs: the samples collect garbage every 25 ms.
  const memory = Object.fromEntries(MODES.map((mode) => [mode, inChild(mode, ['--expose-gc'])])) as Record<
    Mode,
    ChildResult
  >
  const peakMb = (mode: Mode) => (memory[mode].liveGrowthKb ?? 0) / 1024
  const label: Record<Mode, string> = {
    compare: 'runs.compare()',
    stream: 'read both runs, keep nothing',
    hold: 'read both runs into arrays, then join',
  }
  const rows: Measurement['rows'] = MODES.map((mode) => ({
    'items per run': ITEMS,
    what: label[mode],
    'time, median (ms)': round(median(times[mode]), 0),
    'items / s': round(((2 * ITEMS) / median(times[mode])) * 1000, 0),
    'live heap growth, peak (MB)': round(peakMb(mode), 1),
    'held at the end (MB)': round((memory[mode].heldKb ?? 0) / 1024, 1),
    'bytes per item of a run': round(((memory[mode].liveGrowthKb ?? 0) * 1024) / ITEMS, 0),
  }))
  const share = peakMb('compare') / peakMb('hold')
  const perItem = ((memory.compare.liveGrowthKb ?? 0) * 1024) / ITEMS
  const timeRatio = median(times.compare) / median(times.stream)
  return {
    id: 10,
    title: 'Comparing two runs',
    target: `live heap growth ≤ ${MAX_SHARE_OF_HOLDING * 100}% of holding the items and ≤ ${MAX_BYTES_PER_ITEM} B per item of a run (two runs of ${ITEMS.toLocaleString('en')} items)`,
    verdict: verdictOf(share <= MAX_SHARE_OF_HOLDING && perItem <= MAX_BYTES_PER_ITEM),
    summary: `runs.compare() of two runs of ${ITEMS.toLocaleString('en')} items: ${round(median(times.compare), 0)} ms (${round(timeRatio)}× just reading them), live heap peak +${round(peakMb('compare'), 1)} MB (${round(perItem, 0)} B per item) vs +${round(peakMb('hold'), 1)} MB holding the items (${round(share * 100, 0)}%)`,
    rows,
    notes: [
      `Two OpenAI runs of ${ITEMS.toLocaleString('en')} output items each, served by an in-process fetch (no network, no sandbox), 100 items per page as the adapter asks; each item carries its sample (input and output messages) and three grader results, about 2.4 kB of JSON. The head run lost 1% of the base run's items, gained as many, and one item in ten changed verdict (${memory.compare.regressed ?? '?'} regressed).`,
      `Median of ${REPEATS} interleaved runs per mode, each in a fresh process; memory from one more run per mode with --expose-gc, the live heap sampled after a full collection every 25 ms and once more at the end with the result in hand.`,
      'runs.compare() keeps the base run as key → compact side (status, item score, numeric judgement values) and the changed items it returns; items themselves are dropped page by page. "read both runs, keep nothing" is the floor any comparison pays; "read both runs into arrays, then join" is what keeping the items costs.',
    ],
  }
}
