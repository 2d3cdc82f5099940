/** Where a time sits on a chart's x axis, and the ticks that say when. */
export interface TimeAxis {
  x(time: number): number
  ticks: TimeTick[]
}

export interface TimeTick {
  x: number
  /** `2026-11-03`, or null when the tick before it is on the same day. */
  date: string | null
  /** `09:41Z`. */
  time: string
}

/** Least room between two runs of different times, in pixels, so that runs of one morning do not stack. */
const MIN_GAP = 10
/** Least room between two tick labels, in pixels. */
const TICK_ROOM = 110

/**
 * An x axis over the given times between `left` and `right`, in order of time: each distinct time gets at least
 * `MIN_GAP` pixels from the one before it (less when there are too many to fit), and the rest of the width is
 * shared out in proportion to the time between them. So runs weeks apart keep their distance and several runs in
 * one hour spread apart instead of drawing a vertical line. Ticks sit on runs' own times and say the date and the
 * time: between two ticks the scale is not uniform, which is why no tick is placed at an invented time.
 */
export function timeAxis(times: readonly number[], left: number, right: number): TimeAxis {
  const distinct = [...new Set(times.filter(Number.isFinite))].sort((a, b) => a - b)
  const width = right - left
  if (distinct.length <= 1) {
    const only = distinct[0]
    const x = () => left + width / 2
    return { x, ticks: only === undefined ? [] : [tick(left + width / 2, only, null)] }
  }
  const steps = distinct.length - 1
  const gap = Math.min(MIN_GAP, (width * 0.5) / steps)
  const first = distinct[0] as number
  const span = (distinct[steps] as number) - first
  const positions = new Map<number, number>()
  distinct.forEach((time, index) => {
    positions.set(time, left + gap * index + ((time - first) / span) * (width - gap * steps))
  })
  const x = (time: number) => positions.get(time) ?? left + ((time - first) / span) * width

  // The first and last runs always; between them, each run far enough from the tick before it to be read.
  const chosen: number[] = []
  for (const time of distinct) {
    const kept = chosen[chosen.length - 1]
    if (kept === undefined || x(time) - x(kept) >= TICK_ROOM) chosen.push(time)
  }
  const last = distinct[steps] as number
  if (chosen[chosen.length - 1] !== last) {
    if (chosen.length > 1 && x(last) - x(chosen[chosen.length - 1] as number) < TICK_ROOM) chosen.pop()
    chosen.push(last)
  }
  const ticks = chosen.map((time, index) =>
    tick(x(time), time, index === 0 ? null : (chosen[index - 1] as number)),
  )
  return { x, ticks }
}

function tick(x: number, time: number, previous: number | null): TimeTick {
  const iso = new Date(time).toISOString()
  const date = iso.slice(0, 10)
  const sameDay = previous !== null && new Date(previous).toISOString().slice(0, 10) === date
  return { x, date: sameDay ? null : date, time: `${iso.slice(11, 16)}Z` }
}
