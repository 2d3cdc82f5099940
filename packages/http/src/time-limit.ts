/**
 * `work(init)` within `timeoutMs`. `init` carries `redirect: 'manual'` and a `signal` that aborts when time is up
 * (with a `TimeoutError`) or when the caller's signal aborts. The returned promise rejects at that moment even if
 * `work` ignores its signal, so a fetch that never answers cannot hold the caller past the limit.
 *
 * The signal is made only when `work` reads it: on Node 20 an AbortController with a listener costs about 6 µs,
 * as much as the rest of a call to a fetch that never looks (a test stub, a cache).
 */
export function withTimeLimit<T>(
  timeoutMs: number,
  callerSignal: AbortSignal,
  work: (init: RequestInit) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (callerSignal.aborted) return reject(callerSignal.reason)
    let controller: AbortController | undefined
    const stop = (reason: unknown) => {
      controller?.abort(reason)
      reject(reason)
    }
    const onCallerAbort = () => stop(callerSignal.reason)
    const timer = setTimeout(() => stop(new DOMException('attempt timed out', 'TimeoutError')), timeoutMs)
    const settle = () => {
      clearTimeout(timer)
      if (controller !== undefined) callerSignal.removeEventListener('abort', onCallerAbort)
    }
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
    work(init).then(
      (result) => {
        settle()
        // A fetch that never read the signal is not stopped by the caller's abort, only outrun by it.
        if (callerSignal.aborted) reject(callerSignal.reason)
        else resolve(result)
      },
      (error: unknown) => {
        settle()
        reject(error)
      },
    )
  })
}
