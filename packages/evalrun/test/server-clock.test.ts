import { afterEach, describe, expect, it, vi } from 'vitest'
import { createServerClock, httpDate } from '../src/core/server-clock.js'

afterEach(() => {
  vi.useRealTimers()
})

describe("a vendor's clock from its answers' Date headers", () => {
  it("is this machine's clock before any answer, then the last Date plus the time since it arrived", () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T10:00:00Z'), toFake: ['Date'] })
    const clock = createServerClock()
    expect(clock.now().toISOString()).toBe('2026-11-27T10:00:00.000Z')
    clock.observe(new Headers({ date: 'Thu, 15 Jan 2026 12:00:00 GMT' }))
    vi.setSystemTime(Date.parse('2026-11-27T10:00:30Z'))
    expect(clock.now().toISOString()).toBe('2026-01-15T12:00:30.000Z')
  })

  it('keeps the last reading when an answer has no readable Date', () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T10:00:00Z'), toFake: ['Date'] })
    const clock = createServerClock()
    clock.observe(new Headers({ date: 'Thu, 15 Jan 2026 12:00:00 GMT' }))
    clock.observe(new Headers())
    clock.observe(new Headers({ date: 'not a date' }))
    expect(clock.now().toISOString()).toBe('2026-01-15T12:00:00.000Z')
  })

  it('reads an HTTP date, or null', () => {
    expect(httpDate(new Headers({ date: 'Fri, 20 Nov 2026 09:01:00 GMT' }))?.toISOString()).toBe(
      '2026-11-20T09:01:00.000Z',
    )
    expect(httpDate(new Headers())).toBeNull()
    expect(httpDate(new Headers({ date: 'yesterday' }))).toBeNull()
  })
})
