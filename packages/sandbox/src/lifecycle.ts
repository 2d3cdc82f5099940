/**
 * A run's progress is a pure function of (when it started, how many items it has, now): nothing is scheduled,
 * so a manual clock is exact and 10,000 seeded runs cost no timers. A run waits QUEUED_MS, then finishes one
 * item every MS_PER_ITEM.
 */
export const QUEUED_MS = 2_000
export const MS_PER_ITEM = 500

export type Phase = 'queued' | 'running' | 'done'

export interface Progress {
  phase: Phase
  /** Items finished so far. */
  done: number
  /** When the first item began, or null while queued. */
  startedAtMs: number | null
  /** When the last item finished (or the run was stopped), or null while it goes on. */
  finishedAtMs: number | null
}

export interface RunTiming {
  createdMs: number
  items: number
  /** When the run was stopped early (cancelled, marked completed, or failed part-way), if it was. */
  stoppedAtMs?: number | null
  /** Number of items after which the run fails and stops, if it does. */
  failAfterItems?: number | null
}

export function progressOf(run: RunTiming, nowMs: number): Progress {
  const stop = run.stoppedAtMs ?? null
  const effectiveNow = stop === null ? nowMs : Math.min(nowMs, stop)
  const lastItem = Math.min(run.items, run.failAfterItems ?? run.items)
  const startMs = run.createdMs + QUEUED_MS
  const elapsed = effectiveNow - startMs
  const done = elapsed < 0 ? 0 : Math.min(lastItem, Math.floor(elapsed / MS_PER_ITEM))
  const naturalEnd = startMs + lastItem * MS_PER_ITEM
  if (stop !== null && nowMs >= stop && stop < naturalEnd) {
    return { phase: 'done', done, startedAtMs: stop >= startMs ? startMs : null, finishedAtMs: stop }
  }
  if (elapsed < 0) return { phase: 'queued', done: 0, startedAtMs: null, finishedAtMs: null }
  if (done >= lastItem && effectiveNow >= naturalEnd) {
    return { phase: 'done', done: lastItem, startedAtMs: startMs, finishedAtMs: naturalEnd }
  }
  return { phase: 'running', done, startedAtMs: startMs, finishedAtMs: null }
}

/** How long a run with `items` items takes from creation to its last item, in sandbox ms. */
export function runDurationMs(items: number): number {
  return QUEUED_MS + items * MS_PER_ITEM
}

export const iso = (ms: number): string => new Date(ms).toISOString()

/** Newest first by creation time, ties broken by the larger id first: the order every list uses. */
export function newestFirst<T extends { createdMs: number }>(a: T, b: T, idA: number, idB: number): number {
  return b.createdMs - a.createdMs || idB - idA
}
