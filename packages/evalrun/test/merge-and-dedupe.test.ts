import { describe, expect, it } from 'vitest'
import { type MergeOutcome, mergeStreams } from '../src/core/merge-streams.js'
import { RecentRefs } from '../src/core/recent-refs.js'

describe('RecentRefs', () => {
  it('drops repeats within the window and forgets what fell out of it', () => {
    const refs = new RecentRefs(3)
    expect(['a', 'b', 'a', 'c', 'b'].map((ref) => refs.add(ref))).toEqual([true, true, false, true, false])
    expect(refs.add('d')).toBe(true) // evicts 'a'
    expect(refs.add('a')).toBe(true)
    expect(refs.add('d')).toBe(false)
  })
})

describe('mergeStreams', () => {
  it('interleaves sources, records failures and completions', async () => {
    async function* numbers() {
      yield 1
      yield 2
    }
    async function* failing() {
      yield 10
      throw new Error('vendor down')
    }
    const outcome: MergeOutcome = { failures: [], completed: [] }
    const seen: string[] = []
    for await (const { name, value } of mergeStreams(
      [
        { name: 'a', iterable: numbers() },
        { name: 'b', iterable: failing() },
      ],
      outcome,
      () => {},
    )) {
      seen.push(`${name}${value}`)
    }
    expect(seen.sort()).toEqual(['a1', 'a2', 'b10'])
    expect(outcome.completed).toEqual(['a'])
    expect(outcome.failures.map((f) => [f.name, (f.error as Error).message])).toEqual([['b', 'vendor down']])
  })

  it('closes every source and calls stop when the consumer leaves early', async () => {
    const closed: string[] = []
    let stopped = false
    async function* endless(name: string) {
      try {
        for (let i = 0; ; i++) yield i
      } finally {
        closed.push(name)
      }
    }
    const outcome: MergeOutcome = { failures: [], completed: [] }
    let count = 0
    for await (const _ of mergeStreams(
      [
        { name: 'a', iterable: endless('a') },
        { name: 'b', iterable: endless('b') },
      ],
      outcome,
      () => {
        stopped = true
      },
    )) {
      if (++count === 5) break
    }
    expect(stopped).toBe(true)
    expect(closed.sort()).toEqual(['a', 'b'])
  })
})
