import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Where each scenario leaves its figures for `report/render.ts` (gitignored). */
export const RESULTS_DIR = fileURLToPath(new URL('../.results/', import.meta.url))

/**
 * Records what a scenario measured (runs listed, faults injected, …), so that RELIABILITY.md is rendered from
 * an actual run rather than typed in. One file per scenario: test files run in parallel.
 */
export function recordFigures(scenario: string, figures: Record<string, unknown>): void {
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(
    `${RESULTS_DIR}${scenario}.json`,
    `${JSON.stringify({ scenario, recordedAt: new Date().toISOString(), figures }, null, 2)}\n`,
  )
}
