/**
 * `work(init)` within `timeoutMs`. `init` carries `redirect: 'manual'` and a `signal` that aborts when time is up
 * (with a `TimeoutError`) or when the caller's signal, if any, aborts. The returned promise rejects at that moment
 * even if `work` ignores its signal, so a fetch that never answers cannot hold the caller past the limit.
 *
 * The signal is made only when `work` reads it: on Node 20 an AbortController costs about as much as the rest of
 * a call to a fetch that never looks (a test stub, a cache).
 */
export function withTimeLimit<T>(
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
  work: (init: RequestInit) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (callerSignal?.aborted) return reject(callerSignal.reason)
    let controller: AbortController | undefined
    const stop = (reason: unknown) => {
      controller?.abort(reason)
      reject(reason)
    }
    const onCallerAbort = () => stop(callerSignal?.reason)
    const timer = setTimeout(() => stop(new DOMException('attempt timed out', 'TimeoutError')), timeoutMs)
    callerSignal?.addEventListener('abort', onCallerAbort)
    const settle = () => {
      clearTimeout(timer)
      callerSignal?.removeEventListener('abort', onCallerAbort)
    }
    const init: RequestInit = {
      redirect: 'manual',
      get signal() {
        controller ??= new AbortController()
        return controller.signal
      },
    }
    work(init).then(
      (result) => {
        settle()
        resolve(result)
      },
      (error: unknown) => {
        settle()
        reject(error)
      },
    )
  })
}
