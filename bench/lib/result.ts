/** One numbered measurement of issue 7, as written to bench/results.json and BENCHMARKS.md. */
export interface Measurement {
  id: number
  title: string
  target: string
  /** met / missed: the target was checked; info: nothing to check; skipped: could not be measured here. */
  verdict: 'met' | 'missed' | 'info' | 'skipped'
  /** One line with the headline ratio. */
  summary: string
  rows: Record<string, string | number | null>[]
  notes: string[]
}

export function skipped(id: number, title: string, target: string, reason: string): Measurement {
  return { id, title, target, verdict: 'skipped', summary: reason, rows: [], notes: [] }
}

export function verdictOf(met: boolean): 'met' | 'missed' {
  return met ? 'met' : 'missed'
}
