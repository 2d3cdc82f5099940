import type { Deadline, DeadlineQueue, TimeLimited } from './deadline-queue.js'

/**
 * One try of a request, handed to fetch as its `init`: `redirect: 'manual'` and a `signal` of its own, made only
 * when fetch reads it (a stub that never looks pays nothing) and aborted by the attempt's time limit or by the
 * caller. `settled` rejects by itself on either, so that even a fetch that ignores `init` stops on time.
 * One object plays every part (init, abort listener, deadline owner) because a closure per part per call
 * showed up in the per-call overhead benchmark.
 */
export class Attempt implements RequestInit, TimeLimited {
  readonly redirect = 'manual'
  readonly #callerSignal: AbortSignal
  readonly #deadlines: DeadlineQueue
  readonly #deadline: Deadline
  #controller: AbortController | undefined
  #stopped: { reason: unknown } | undefined
  #reject: ((reason: unknown) => void) | undefined

  constructor(callerSignal: AbortSignal, deadlines: DeadlineQueue) {
    this.#callerSignal = callerSignal
    this.#deadlines = deadlines
    this.#deadline = deadlines.add(this)
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController()
      if (this.#stopped) this.#controller.abort(this.#stopped.reason)
      else this.#callerSignal.addEventListener('abort', this)
    }
    return this.#controller.signal
  }

  /** `work`'s result, or a rejection as soon as time runs out (a `TimeoutError`) or the caller aborts. */
  settled<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#reject = reject
      if (this.#stopped) reject(this.#stopped.reason)
      work.then(
        (value) => {
          this.#finish()
          resolve(value)
        },
        (error: unknown) => {
          this.#finish()
          reject(error)
        },
      )
    })
  }

  onTimeout(): void {
    this.#stop(new DOMException('attempt timed out', 'TimeoutError'))
  }

  /** The caller's signal aborted (this object is its listener). */
  handleEvent(): void {
    this.#stop(this.#callerSignal.reason)
  }

  #stop(reason: unknown): void {
    this.#stopped ??= { reason }
    this.#controller?.abort(reason)
    this.#reject?.(reason)
  }

  #finish(): void {
    this.#deadlines.clear(this.#deadline)
    if (this.#controller !== undefined) this.#callerSignal.removeEventListener('abort', this)
  }
}
