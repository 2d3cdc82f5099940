import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readResults, type ScenarioResult } from './read-results.js'
import { SECTIONS } from './sections.js'

/**
 * Renders /RELIABILITY.md from the figures the reliability tests recorded in test-reliability/.results/
 * (run `pnpm reliability`, which runs the tests first). A scenario that did not run says so instead of
 * showing stale or invented numbers.
 */
const target = fileURLToPath(new URL('../../RELIABILITY.md', import.meta.url))
const results = readResults()
const missing: string[] = []
const figuresOf = (scenario: string): ScenarioResult['figures'] | null => {
  const result = results.get(scenario)
  if (!result) missing.push(scenario)
  return result?.figures ?? null
}

const runAt = [...results.values()].map((r) => r.recordedAt).sort()
const header = `# Reliability and security

What evalrun does under rate limits, flaky networks, odd vendor data, bad input and hostile clients, measured
by the suite in [\`test-reliability/\`](test-reliability/) against the local sandbox (\`@evalrun/sandbox\`,
loopback only). **Every figure below comes from an actual run**: the tests write them to
\`test-reliability/.results/\` (gitignored) and \`pnpm reliability\` runs the suite and renders this file
(\`test-reliability/report/render.ts\`). Last run: ${runAt.at(-1) ?? 'never'}.

Reproduce everything: \`pnpm reliability\`. One scenario: the command under its heading. The suite is also part of
\`pnpm test:unit\` (root \`vitest.config.ts\`).
`

const body = SECTIONS.map((section) => section(figuresOf)).join('\n')
const footer = missing.length
  ? `\n> Not run in the last run, so no figures: ${[...new Set(missing)].join(', ')}.\n`
  : ''
writeFileSync(target, `${header}\n${body}${footer}`)
console.log(
  `RELIABILITY.md written from ${results.size} scenario results${missing.length ? ` (missing: ${missing.join(', ')})` : ''}.`,
)
