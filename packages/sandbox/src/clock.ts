import type { SandboxClock } from './types.js'

/** Every sandbox starts its clock here, whatever the seed, so seeded data is reproducible. */
export const CLOCK_START = Date.parse('2026-01-15T12:00:00.000Z')

export interface InternalClock extends SandboxClock {
  /** Sandbox time in epoch milliseconds. */
  nowMs(): number
}

/** Manual clocks move only by `advance`; speed clocks run `speed` sandbox ms per real ms, plus any `advance`. */
export function createClock(kind: 'manual' | { speed: number } = { speed: 1 }): InternalClock {
  let advanced = 0
  const realStart = performance.now()
  const speed = kind === 'manual' ? 'manual' : kind.speed
  if (speed !== 'manual' && !(Number.isFinite(speed) && speed >= 0)) {
    throw new RangeError(`clock speed must be a finite number >= 0, got ${speed}`)
  }
  const nowMs = () =>
    Math.floor(CLOCK_START + advanced + (speed === 'manual' ? 0 : (performance.now() - realStart) * speed))
  return {
    speed,
    nowMs,
    now: () => new Date(nowMs()),
    advance(ms: number) {
      if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`clock.advance needs ms >= 0, got ${ms}`)
      advanced += ms
    },
  }
}
