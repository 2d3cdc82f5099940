import { describe, expect, it } from 'vitest'
import {
  type ErrorOptions,
  EvalrunApiError,
  EvalrunError,
  EvalrunInvalidConfigError,
  EvalrunNetworkError,
  EvalrunOutcomeUnknownError,
  EvalrunRequestTimeoutError,
  hasMarker,
} from '../src/index.js'

const request = { vendor: 'acme', method: 'GET', url: 'https://api.acme.test/x', attempts: 2 }

describe('error classes', () => {
  it('are recognised by every ancestor, and by nothing else', () => {
    const timeout = new EvalrunRequestTimeoutError({ message: 'slow', ...request, timeoutMs: 5 })
    expect(EvalrunRequestTimeoutError.isInstance(timeout)).toBe(true)
    expect(EvalrunNetworkError.isInstance(timeout)).toBe(true)
    expect(EvalrunError.isInstance(timeout)).toBe(true)
    expect(EvalrunOutcomeUnknownError.isInstance(timeout)).toBe(false)
    expect(EvalrunApiError.isInstance(timeout)).toBe(false)
    expect(EvalrunError.isInstance(new Error('plain'))).toBe(false)
    expect(EvalrunError.isInstance(null)).toBe(false)
  })

  it('recognise a subclass its parent never heard of, as a package built on this one would add', () => {
    const marker = Symbol.for('test.error.rate-limit')
    class RateLimitError extends EvalrunNetworkError {
      readonly [marker] = true
      static override isInstance(value: unknown): value is RateLimitError {
        return hasMarker(value, marker)
      }
    }
    const error = new RateLimitError({ message: 'slow down', ...request })
    expect(EvalrunNetworkError.isInstance(error)).toBe(true)
    expect(RateLimitError.isInstance(new EvalrunNetworkError({ message: 'x', ...request }))).toBe(false)
  })

  it('recognise an instance from another copy of the package (the markers are global symbols)', () => {
    const fromAnotherCopy = Object.assign(new Error('elsewhere'), {
      [Symbol.for('evalrun.error')]: true,
      [Symbol.for('evalrun.error.invalid-config')]: true,
      option: 'baseUrl',
    })
    expect(EvalrunInvalidConfigError.isInstance(fromAnotherCopy)).toBe(true)
    expect(EvalrunApiError.isInstance(fromAnotherCopy)).toBe(false)
  })

  it('take one object: message, cause and their own fields; the name is the class name', () => {
    const cause = new Error('socket closed')
    const error = new EvalrunOutcomeUnknownError({ message: 'unknown', cause, ...request })
    expect(error).toMatchObject({ name: 'EvalrunOutcomeUnknownError', message: 'unknown', cause, ...request })
    expect(error.code).toBe('EVALRUN_OUTCOME_UNKNOWN')
    const options: ErrorOptions<{ option: string }> = { message: 'bad', option: 'timeoutMs' }
    expect(new EvalrunInvalidConfigError(options).option).toBe('timeoutMs')
  })
})
