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
    const attempt: AttemptSignal = {}
    const stop = (reason: unknown) => {
      attempt.controller?.abort(reason)
      reject(reason)
    }
    const onCallerAbort = () => stop(callerSignal?.reason)
    const timer = setTimeout(() => stop(new DOMException('attempt timed out', 'TimeoutError')), timeoutMs)
    callerSignal?.addEventListener('abort', onCallerAbort)
    const settle = () => {
      clearTimeout(timer)
      callerSignal?.removeEventListener('abort', onCallerAbort)
    }
    work(attemptInit(attempt)).then(
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

type AttemptSignal = { controller?: AbortController }

const ATTEMPT = Symbol('attempt')

/**
 * `init`'s signal, made on first read. One getter shared by every attempt, reading its attempt from `init`: a
 * getter written in an object literal is a new closure per call, and the accessor record V8 keeps for it outlived
 * the call, keeping what the closure saw alive through the next garbage collections (about 3 kB promoted per call
 * when it closed over the attempt's promise, seen with `node --trace-gc-nvp`), which cost more than the rest of a
 * call. An own, enumerable property, so that a fetch wrapper that spreads `init` keeps the signal.
 */
const lazySignal: PropertyDescriptor = {
  enumerable: true,
  get(this: { [ATTEMPT]: AttemptSignal }) {
    const attempt = this[ATTEMPT]
    attempt.controller ??= new AbortController()
    return attempt.controller.signal
  },
}

function attemptInit(attempt: AttemptSignal): RequestInit {
  return Object.defineProperty({ redirect: 'manual', [ATTEMPT]: attempt }, 'signal', lazySignal)
}
