/**
 * Samples the live heap (`heapUsed` after a full collection) every `everyMs` until `stop()`: what a piece of work
 * holds, without the garbage V8 has not collected yet. Needs node's `--expose-gc`; without it every figure is null.
 */
export function sampleLiveHeap(everyMs: number): {
  /** Stops sampling; samples once more now, then gives the peak and the current growth above the start, in kB. */
  stop(): { peakGrowthKb: number | null; heldNowKb: number | null }
} {
  const gc = (globalThis as { gc?: () => void }).gc
  const liveHeap = () => {
    gc?.()
    return process.memoryUsage().heapUsed
  }
  const before = gc ? liveHeap() : 0
  let peak = before
  const sampler = gc ? setInterval(() => (peak = Math.max(peak, liveHeap())), everyMs) : undefined
  return {
    stop() {
      clearInterval(sampler)
      if (!gc) return { peakGrowthKb: null, heldNowKb: null }
      const now = liveHeap()
      peak = Math.max(peak, now)
      return {
        peakGrowthKb: Math.round((peak - before) / 1024),
        heldNowKb: Math.round((now - before) / 1024),
      }
    },
  }
}
