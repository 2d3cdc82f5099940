/**
 * `work(init)` within `timeoutMs`. `init` carries `redirect: 'manual'` and a `signal` that aborts when time is up
 * (with a `TimeoutError`) or when the caller's signal aborts. The returned promise rejects when time is up even if
 * `work` ignores its signal, so a fetch that never answers cannot hold the caller past the limit.
 *
 * The signal is made only when `work` reads it: an AbortController and a listener on the caller's signal cost about
 * as much as the rest of a call to a fetch that never looks (a test stub, a cache). The caller's abort is then
 * noticed once `work` settles.
 */
export async function withTimeLimit<T>(
  timeoutMs: number,
  callerSignal: AbortSignal,
  work: (init: RequestInit) => Promise<T>,
): Promise<T> {
  let controller: AbortController | undefined
  let rejectNow: (reason: unknown) => void = () => {}
  const stopped = new Promise<never>((_, reject) => {
    rejectNow = reject
  })
  const stop = (reason: unknown) => {
    controller?.abort(reason)
    rejectNow(reason)
  }
  const onCallerAbort = () => stop(callerSignal.reason)
  const init: RequestInit = {
    redirect: 'manual',
    get signal() {
      if (controller === undefined) {
        controller = new AbortController()
        callerSignal.addEventListener('abort', onCallerAbort)
      }
      return controller.signal
    },
  }
  const timer = setTimeout(() => stop(new DOMException('attempt timed out', 'TimeoutError')), timeoutMs)
  try {
    const result = await Promise.race([work(init), stopped])
    callerSignal.throwIfAborted()
    return result
  } finally {
    clearTimeout(timer)
    if (controller !== undefined) callerSignal.removeEventListener('abort', onCallerAbort)
  }
}
