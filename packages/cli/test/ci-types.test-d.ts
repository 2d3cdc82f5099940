import { describe, expectTypeOf, it } from 'vitest'
import type { AnnotatedVerdict } from '../src/ci/annotations.js'
import type { ReportFiles } from '../src/ci/ci-report-files.js'
import { type CiPlatform, detectCi } from '../src/ci/detect-ci.js'

describe('CI types', () => {
  it('detection says GitHub, GitLab or nothing', () => {
    expectTypeOf<CiPlatform>().toEqualTypeOf<'github' | 'gitlab'>()
    expectTypeOf(detectCi).returns.toEqualTypeOf<CiPlatform | null>()
  })

  it('the report files and verdicts the CI helpers take', () => {
    expectTypeOf<ReportFiles>().toEqualTypeOf<{ junit?: string; summary?: string; prComment?: string }>()
    expectTypeOf<AnnotatedVerdict>().toEqualTypeOf<{
      subject: string
      passed: boolean
      reason: string
      location?: { file: string; line: number } | null
    }>()
  })
})
