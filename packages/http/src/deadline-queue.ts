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
 * costs as much as the rest of a call. When the queue is empty the timer no longer keeps a Node process alive.
 */
export class DeadlineQueue {
  readonly #timeoutMs: number
  readonly #deadlines: Deadline[] = []
  #head = 0
  #timer: ReturnType<typeof setTimeout> | undefined

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs
  }

  /** Calls `owner.onTimeout()` once `timeoutMs` have passed, unless cleared first. */
  add(owner: TimeLimited): Deadline {
    const deadline: Deadline = { due: Date.now() + this.#timeoutMs, owner, done: false }
    if (this.#isEmpty()) setRef(this.#timer, true)
    this.#deadlines.push(deadline)
    this.#timer ??= setTimeout(() => this.#fire(), this.#timeoutMs)
    return deadline
  }

  clear(deadline: Deadline): void {
    deadline.done = true
    this.#dropFinished()
  }

  #fire(): void {
    this.#timer = undefined
    const now = Date.now()
    while (!this.#isEmpty()) {
      const deadline = this.#deadlines[this.#head] as Deadline
      if (!deadline.done && deadline.due > now) break
      this.#head++
      if (!deadline.done) {
        deadline.done = true
        deadline.owner.onTimeout()
      }
    }
    this.#dropFinished()
    if (!this.#isEmpty()) {
      const next = this.#deadlines[this.#head] as Deadline
      this.#timer = setTimeout(() => this.#fire(), Math.max(0, next.due - now))
    }
  }

  #dropFinished(): void {
    while (!this.#isEmpty() && (this.#deadlines[this.#head] as Deadline).done) this.#head++
    if (this.#isEmpty()) {
      this.#deadlines.length = 0
      this.#head = 0
      setRef(this.#timer, false)
    } else if (this.#head > 1024 && this.#head * 2 > this.#deadlines.length) {
      // Finished deadlines at the front are dropped in bulk, so that the array does not grow without end.
      this.#deadlines.splice(0, this.#head)
      this.#head = 0
    }
  }

  #isEmpty(): boolean {
    return this.#head >= this.#deadlines.length
  }
}

/** Node's timers can stop keeping the process alive; browsers' and edge runtimes' are plain numbers. */
function setRef(timer: ReturnType<typeof setTimeout> | undefined, ref: boolean): void {
  if (typeof timer !== 'object' || timer === null) return
  const handle = timer as { ref?: () => void; unref?: () => void }
  if (ref) handle.ref?.()
  else handle.unref?.()
}
