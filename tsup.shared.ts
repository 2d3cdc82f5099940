import type { Options } from 'tsup'

/** One build for every published package: ESM + CJS + .d.ts, browser-safe (no Node built-ins bundled). */
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    // No source maps in the published packages: they would double the install size for little use.
    sourcemap: false,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    tsconfig: 'tsconfig.build.json',
    ...overrides,
  }
}
