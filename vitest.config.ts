import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Tests run against the packages' sources, so no build is needed first.
const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url))
const sourceAliases = readdirSync(packagesDir).map((dir) => ({
  find: dir === 'evalrun' ? /^evalrun$/ : new RegExp(`^@evalrun/${dir}$`),
  replacement: `${packagesDir}${dir}/src/index.ts`,
}))
// Subpath exports: what evalrun's packages share without offering it to users, and the reports' own entry.
sourceAliases.unshift(
  { find: /^@evalrun\/http\/internal$/, replacement: `${packagesDir}http/src/internal.ts` },
  { find: /^evalrun\/reports$/, replacement: `${packagesDir}evalrun/src/reports.ts` },
  { find: /^evalrun\/stats$/, replacement: `${packagesDir}evalrun/src/stats.ts` },
  { find: /^evalrun\/gate$/, replacement: `${packagesDir}evalrun/src/gate.ts` },
)

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'scripts/test/**/*.test.ts',
      'test-e2e/**/*.test.ts',
      'test-reliability/**/*.test.ts',
    ],
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    restoreMocks: true,
    testTimeout: 20_000,
  },
})
