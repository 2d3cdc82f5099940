import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DeadlineQueue } from '../src/deadline-queue.js'

function owner(name: string, log: string[]) {
  return { onTimeout: () => log.push(`${name}@${Date.now()}`) }
}

describe('DeadlineQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('times out each owner exactly when its own limit is up, in order', async () => {
    const log: string[] = []
    const queue = new DeadlineQueue(1000)
    queue.add(owner('a', log))
    await vi.advanceTimersByTimeAsync(300)
    queue.add(owner('b', log))
    await vi.advanceTimersByTimeAsync(999 - 300)
    expect(log).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(log).toEqual(['a@1000'])
    await vi.advanceTimersByTimeAsync(300)
    expect(log).toEqual(['a@1000', 'b@1300'])
  })

  it('never times out what was cleared, wherever it sits in the queue', async () => {
    const log: string[] = []
    const queue = new DeadlineQueue(1000)
    const first = queue.add(owner('a', log))
    queue.add(owner('b', log))
    const third = queue.add(owner('c', log))
    queue.clear(third)
    queue.clear(first)
    await vi.advanceTimersByTimeAsync(5000)
    expect(log).toEqual(['b@1000'])
  })

  it('keeps working after the queue ran empty, with one timer at a time', async () => {
    const log: string[] = []
    const queue = new DeadlineQueue(1000)
    for (let i = 0; i < 500; i++) queue.clear(queue.add(owner(`done${i}`, log)))
    expect(vi.getTimerCount()).toBe(1)
    await vi.advanceTimersByTimeAsync(1500)
    expect(vi.getTimerCount()).toBe(0)
    queue.add(owner('late', log))
    await vi.advanceTimersByTimeAsync(1000)
    expect(log).toEqual(['late@2500'])
  })
})
