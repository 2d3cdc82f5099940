/**
 * `work(signal)` within `timeoutMs`. Its signal aborts when time is up (with a `TimeoutError`) or when the caller's
 * signal aborts; the returned promise rejects at that moment even if `work` ignores its signal, so a fetch that
 * never answers cannot hold the caller past the limit.
 */
export async function withTimeLimit<T>(
  timeoutMs: number,
  callerSignal: AbortSignal,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController()
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true })
  })
  const onCallerAbort = () => controller.abort(callerSignal.reason)
  callerSignal.addEventListener('abort', onCallerAbort, { once: true })
  const timer = setTimeout(
    () => controller.abort(new DOMException('attempt timed out', 'TimeoutError')),
    timeoutMs,
  )
  try {
    return await Promise.race([work(controller.signal), stopped])
  } finally {
    clearTimeout(timer)
    callerSignal.removeEventListener('abort', onCallerAbort)
  }
}
