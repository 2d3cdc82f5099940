import { describe, expectTypeOf, it } from 'vitest'
import { type CliIo, ExitCode, type RunCliOptions, runCli } from '../src/index.js'

describe('@evalrun/cli types', () => {
  it('runCli takes argv and an io, and resolves to an exit code', () => {
    expectTypeOf(runCli).parameters.toEqualTypeOf<[string[], CliIo, RunCliOptions?]>()
    expectTypeOf(runCli).returns.resolves.toEqualTypeOf<ExitCode>()
  })

  it('exit codes are the documented numbers', () => {
    expectTypeOf(ExitCode.ok).toEqualTypeOf<0>()
    expectTypeOf(ExitCode.gateFailed).toEqualTypeOf<1>()
    expectTypeOf(ExitCode.usage).toEqualTypeOf<2>()
    expectTypeOf(ExitCode.api).toEqualTypeOf<3>()
    expectTypeOf(ExitCode.timeout).toEqualTypeOf<4>()
  })
})
