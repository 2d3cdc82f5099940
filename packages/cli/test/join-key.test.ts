import type { EvalItem } from 'evalrun'
import { describe, expect, it } from 'vitest'
import { CliError } from '../src/exit-codes.js'
import { joinKey } from '../src/join-key.js'

describe('joinKey', () => {
  const item = (input: unknown, name: string | null = 'n') => ({ key: 'k', name, input }) as EvalItem

  it('reads the key, the name, the whole input (keys sorted) or one field of it', () => {
    expect(joinKey('key')(item({}))).toBe('k')
    expect(joinKey('name')(item({}, null))).toBeNull()
    expect(joinKey('input')(item({ b: 1, a: { d: 2, c: 3 } }))).toBe('{"a":{"c":3,"d":2},"b":1}')
    expect(joinKey('input')(item({ a: { c: 3, d: 2 }, b: 1 }))).toBe('{"a":{"c":3,"d":2},"b":1}')
    expect(joinKey('input')(item(undefined))).toBeNull()
    expect(joinKey('input.question')(item({ question: 'Why?' }))).toBe('Why?')
    expect(joinKey('input.a.b')(item({ a: { b: [1, 2] } }))).toBe('[1,2]')
    expect(joinKey('input.missing')(item({ question: 'Why?' }))).toBeNull()
  })

  it('keeps long keys short: their start and a hash of the whole', () => {
    const long = 'x'.repeat(5000)
    const key = joinKey('input.text')(item({ text: long })) ?? ''
    expect(key.length).toBeLessThan(200)
    expect(key.startsWith('x'.repeat(120))).toBe(true)
    expect(joinKey('input.text')(item({ text: `${long}y` }))).not.toBe(key)
  })

  it('rejects a choice it does not know, as a usage error', () => {
    expect(() => joinKey('output')).toThrow(CliError)
    expect(() => joinKey('input.')).toThrow('--key "input.": expected key, name, input or input.<field>.')
  })
})
