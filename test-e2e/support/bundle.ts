import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Bundles `entry` (which imports `evalrun` and `@evalrun/*`) the way an app's bundler would for `platform`,
 * from the packages' sources (the root tsconfig's paths), so the test needs no build. A Node built-in anywhere
 * in the graph fails the build: neither a browser nor an edge runtime has them.
 */
export async function bundleForRuntime(
  entry: string,
  platform: 'browser' | 'edge',
  globalName?: string,
): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    tsconfig: `${repoRoot}tsconfig.json`,
    bundle: true,
    write: false,
    format: globalName ? 'iife' : 'esm',
    ...(globalName ? { globalName } : {}),
    target: 'es2022',
    logLevel: 'silent',
    ...(platform === 'browser'
      ? { platform: 'browser' }
      : // Edge runtimes resolve like a bundler targeting workers: no Node resolution, worker conditions first.
        {
          platform: 'neutral',
          mainFields: ['module', 'main'],
          conditions: ['edge-light', 'worker', 'browser'],
        }),
  })
  const code = result.outputFiles[0]?.text
  if (code === undefined) throw new Error(`esbuild produced no output for ${entry}`)
  return code
}
