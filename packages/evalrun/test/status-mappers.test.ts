import { describe, expect, it } from 'vitest'
import { mapDatalabStatus } from '../src/vendors/datalab/map-status.js'
import { mapHumanloopStatus } from '../src/vendors/humanloop/map-status.js'
import { mapPromptLayerStatus } from '../src/vendors/promptlayer/map-status.js'

describe('mapDatalabStatus', () => {
  const done = { completed_at: '2026-03-02T09:31:47Z', total_files: 5, completed_files: 5 }
  it.each([
    ['pending', {}, 'queued', 0],
    ['queued', {}, 'queued', 0],
    ['running', {}, 'running', 0],
    ['processing', {}, 'running', 0],
    ['PROCESSING', {}, 'running', 0],
    ['completed', {}, 'completed', 0],
    ['complete', {}, 'completed', 0],
    ['completed_with_errors', {}, 'completed', 1],
    ['failed', {}, 'failed', 0],
    ['error', {}, 'failed', 0],
    ['cancelled', {}, 'canceled', 0],
    ['canceled', {}, 'canceled', 0],
    ['finalized', done, 'completed', 1],
    ['finalized', { ...done, completed_files: 4 }, 'unknown', 1],
    ['finalized', { ...done, completed_at: null }, 'unknown', 1],
    [null, done, 'completed', 1],
    [42, {}, 'unknown', 1],
    ['', {}, 'unknown', 1],
    ['constructor', {}, 'unknown', 1],
  ])('%j with %j → %s (%i warnings)', (status, extra, expected, warnings) => {
    const mapped = mapDatalabStatus({ status, ...extra })
    expect(mapped.status).toBe(expected)
    expect(mapped.warnings).toHaveLength(warnings)
    expect(mapped.vendorStatus).toBe(typeof status === 'string' ? status : null)
  })

  it('says why a heuristic completion was inferred', () => {
    const mapped = mapDatalabStatus({ status: 'finalized', ...done })
    expect(mapped.warnings[0]).toContain('completed_at is set and 5 of 5 files are done')
  })
})

describe('mapPromptLayerStatus', () => {
  const counts = (COMPLETED: number, FAILED: number, QUEUED: number, RUNNING: number) => ({
    COMPLETED,
    FAILED,
    QUEUED,
    RUNNING,
  })
  it.each([
    ['RUNNING', counts(2, 0, 5, 3), 'running', { total: 10, completed: 2, failed: 0 }],
    ['RUNNING', counts(0, 0, 10, 0), 'queued', { total: 10, completed: 0, failed: 0 }],
    ['COMPLETED', counts(9, 1, 0, 0), 'completed', { total: 10, completed: 10, failed: 1 }],
    ['COMPLETED', counts(0, 10, 0, 0), 'failed', { total: 10, completed: 10, failed: 10 }],
    ['COMPLETED', counts(0, 0, 0, 0), 'completed', { total: 0, completed: 0, failed: 0 }],
    ['COMPLETED', undefined, 'completed', { total: null, completed: null, failed: null }],
    ['completed', counts(1, 0, 0, 0), 'completed', { total: 1, completed: 1, failed: 0 }],
    ['CANCELLED', counts(1, 0, 0, 0), 'unknown', { total: 1, completed: 1, failed: 0 }],
    [undefined, undefined, 'unknown', { total: null, completed: null, failed: null }],
  ])('%j with %j → %s', (status, statusCounts, expected, progress) => {
    const mapped = mapPromptLayerStatus(status, statusCounts)
    expect(mapped.status).toBe(expected)
    expect(mapped.progress).toEqual(progress)
    expect(mapped.warnings.length > 0).toBe(expected === 'unknown')
  })

  it('warns about counts it cannot read, and counts them as 0', () => {
    const mapped = mapPromptLayerStatus('RUNNING', { COMPLETED: 'three', FAILED: 0, QUEUED: 1, RUNNING: 1 })
    expect(mapped.progress).toEqual({ total: 2, completed: 0, failed: 0 })
    expect(mapped.warnings).toEqual([
      'PromptLayer status_counts.COMPLETED is not a whole number; counted as 0.',
    ])
  })
})

describe('mapHumanloopStatus', () => {
  it.each([
    ['pending', 'queued'],
    ['running', 'running'],
    ['completed', 'completed'],
    ['cancelled', 'canceled'],
    ['canceled', 'canceled'],
    ['failed', 'failed'],
    ['paused', 'unknown'],
    [null, 'unknown'],
    [{}, 'unknown'],
  ])('%j → %s', (status, expected) => {
    const mapped = mapHumanloopStatus(status)
    expect(mapped.status).toBe(expected)
    expect(mapped.warnings.length > 0).toBe(expected === 'unknown')
  })
})
