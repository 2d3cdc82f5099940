import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { RESULTS_DIR } from '../support/figures.js'

export interface ScenarioResult {
  scenario: string
  recordedAt: string
  figures: Record<string, unknown>
}

/** Every figure file the last test run left, by scenario name. */
export function readResults(): Map<string, ScenarioResult> {
  const results = new Map<string, ScenarioResult>()
  if (!existsSync(RESULTS_DIR)) return results
  for (const file of readdirSync(RESULTS_DIR).filter((name) => name.endsWith('.json'))) {
    const result = JSON.parse(readFileSync(`${RESULTS_DIR}${file}`, 'utf8')) as ScenarioResult
    results.set(result.scenario, result)
  }
  return results
}
