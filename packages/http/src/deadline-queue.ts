/** Something with a time limit: told when its time ran out. */
export interface TimeLimited {
  onTimeout(): void
}

/** A pending time limit, handed back to `clear` when the work finished in time. */
export interface Deadline {
  readonly due: number
  readonly owner: TimeLimited
  done: boolean
}

/**
 * Time limits of one length for many attempts, kept by one timer. Because every limit has the same length, they
 * come due in the order they were set: a queue and a timer for its head do the work of a timer per attempt, which
 * costs as much as the rest of a call. The timer never keeps a Node process alive by itself (a request in flight
 * does), so an idle client lets the process exit.
 */
export class DeadlineQueue {
  readonly #timeoutMs: number
  readonly #deadlines: Deadline[] = []
  #timerSet = false

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs
  }

  /** Calls `owner.onTimeout()` once `timeoutMs` have passed, unless cleared first. */
  add(owner: TimeLimited): Deadline {
    // performance.now(): a clock that never jumps, unlike the wall clock of Date.now().
    const deadline: Deadline = { due: performance.now() + this.#timeoutMs, owner, done: false }
    this.#deadlines.push(deadline)
    if (!this.#timerSet) this.#setTimer(this.#timeoutMs)
    return deadline
  }

  clear(deadline: Deadline): void {
    deadline.done = true
    while (this.#deadlines[0]?.done) this.#deadlines.shift()
  }

  #setTimer(ms: number): void {
    this.#timerSet = true
    const timer = setTimeout(() => this.#fire(), ms) as { unref?: () => void }
    // Node's timers have `unref`; browsers' and edge runtimes' are numbers.
    if (typeof timer === 'object') timer.unref?.()
  }

  #fire(): void {
    this.#timerSet = false
    const now = performance.now()
    for (let head = this.#deadlines[0]; head && (head.done || head.due <= now); head = this.#deadlines[0]) {
      this.#deadlines.shift()
      if (!head.done) {
        head.done = true
        head.owner.onTimeout()
      }
    }
    const next = this.#deadlines[0]
    if (next) this.#setTimer(Math.max(0, next.due - now))
  }
}
