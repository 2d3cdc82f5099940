/**
 * (12) The cost of `significance` (issue 26): `runs.compare` of two OpenAI runs of 10,000 items with `{ stats }`
 * beside the same comparison without it, each in a fresh process (the child of measurement 10); and the paired
 * tests alone (`comparisonSignificance` over 10,000 keyed pairs with a verdict, a normalised score and three metrics,
 * unclustered and in 2,500 clusters of 4 trials), in this process.
 */
import { execFileSync } from 'node:child_process'
import type { CompactSide } from '../../packages/evalrun/src/core/compare-sides.js'
import { type Measurement, verdictOf } from '../lib/result.js'
import { median, round } from '../lib/stats.js'
import { loadStats } from '../lib/workspace-modules.js'

const ITEMS = 10_000
const REPEATS = 5
const PURE_REPEATS = 21
/** Target: the tests add at most a tenth to a comparison that reads both runs. */
const MAX_SHARE = 0.1
const childScript = new URL('./compare-child.ts', import.meta.url).pathname
const MODES = ['compare', 'significance'] as const
type Mode = (typeof MODES)[number]

function inChild(mode: Mode, nodeFlags: string[] = []): { ms: number; liveGrowthKb: number | null } {
  const output = execFileSync(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', childScript, mode, String(ITEMS)],
    { encoding: 'utf8', timeout: 300_000 },
  )
  return JSON.parse(output.trim().split('\n').pop() ?? '{}')
}

/** 10,000 keyed items per run (`trials` per key), with a verdict, a normalised score and three metrics each. */
function keyedSides(trials: number): Map<string, { base: CompactSide[]; head: CompactSide[] }> {
  const side = (i: number, shift: number): CompactSide => {
    const value = ((i * 7919 + shift) % 1000) / 1000
    return {
      id: `item-${i}-${shift}`,
      name: null,
      status: value > 0.2 ? 'passed' : 'failed',
      score: value,
      normalizedScore: value,
      metrics: ['accuracy', 'tone', 'helpfulness'].map((name, m) => ({
        name,
        raw: (value + m / 10) % 1,
        normalized: (value + m / 10) % 1,
      })),
    }
  }
  const sides = new Map<string, { base: CompactSide[]; head: CompactSide[] }>()
  for (let i = 0; i < ITEMS; i++) {
    const key = `case-${Math.floor(i / trials)}`
    const entry = sides.get(key) ?? { base: [], head: [] }
    entry.base.push(side(i, 0))
    entry.head.push(side(i, i % 10 === 3 ? 137 : 0))
    sides.set(key, entry)
  }
  return sides
}

export async function measureSignificance(): Promise<Measurement> {
  const times: Record<Mode, number[]> = { compare: [], significance: [] }
  for (let i = 0; i < REPEATS; i++) {
    for (let m = 0; m < MODES.length; m++) {
      const mode = MODES[(i + m) % MODES.length] as Mode
      times[mode].push(inChild(mode).ms)
    }
  }
  const memory: Record<Mode, { liveGrowthKb: number | null }> = {
    compare: inChild('compare', ['--expose-gc']),
    significance: inChild('significance', ['--expose-gc']),
  }
  const { comparisonSignificance } = await loadStats()
  const pure = [1, 4].map((trials) => {
    const sides = keyedSides(trials)
    comparisonSignificance(sides) // warm-up
    const samples: number[] = []
    for (let i = 0; i < PURE_REPEATS; i++) {
      const started = performance.now()
      comparisonSignificance(sides)
      samples.push(performance.now() - started)
    }
    return { trials, ms: median(samples) }
  })
  const added = median(times.significance) - median(times.compare)
  const share = added / median(times.compare)
  const mb = (mode: Mode) => round((memory[mode].liveGrowthKb ?? 0) / 1024, 1)
  const rows: Measurement['rows'] = [
    ...MODES.map((mode) => ({
      what: mode === 'compare' ? 'runs.compare()' : 'runs.compare(…, { stats })',
      'items per run': ITEMS,
      'time, median (ms)': round(median(times[mode]), 0),
      'live heap growth, peak (MB)': mb(mode),
    })),
    ...pure.map(({ trials, ms }) => ({
      what: `comparisonSignificance alone, ${trials === 1 ? 'one item per key' : `clusters of ${trials} trials`}`,
      'items per run': ITEMS,
      'time, median (ms)': round(ms, 1),
      'live heap growth, peak (MB)': null,
    })),
  ]
  return {
    id: 12,
    title: 'The cost of significance',
    target: `significance adds at most ${MAX_SHARE * 100}% to runs.compare() of two runs of ${ITEMS.toLocaleString('en')} items`,
    verdict: verdictOf(share <= MAX_SHARE),
    summary: `significance on two runs of ${ITEMS.toLocaleString('en')} items: +${round(added, 0)} ms on a ${round(median(times.compare), 0)} ms comparison (${round(share * 100, 1)}%); the tests alone ${round(pure[0]?.ms ?? 0, 1)} ms (${round(pure[1]?.ms ?? 0, 1)} ms clustered); live heap +${round(mb('significance') - mb('compare'), 1)} MB`,
    rows,
    notes: [
      `The two runs of measurement 10 (OpenAI, ${ITEMS.toLocaleString('en')} output items each, in-process fetch), compared without and with \`{ stats }\`, median of ${REPEATS} interleaved runs each in a fresh process; memory from one more run each with --expose-gc.`,
      `The tests alone: \`comparisonSignificance\` from dist/stats.js over ${ITEMS.toLocaleString('en')} keyed pairs (a verdict, a normalised score and three metrics each: five paired t-tests and McNemar's), median of ${PURE_REPEATS} runs after a warm-up, once with one item per key and once in 2,500 clusters of 4 trials.`,
      "With `stats`, the comparison keeps every keyed item's compact side (status, scores, metric values) of both runs until the end, for the pairing: that is the extra memory.",
    ],
  }
}
