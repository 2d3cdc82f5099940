import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

export interface BundleSize {
  /** Minified bytes. */
  minified: number
  /** Minified, then gzip level 9: what a browser downloads. */
  gzip: number
}

/**
 * Bundles `source` (an ES module, resolved from `resolveDir`) for the browser, minified, and measures it.
 * `external` names modules the bundle may leave out (e.g. Node built-ins a foreign SDK imports for Node only).
 */
export async function measureBundle(
  source: string,
  resolveDir: string,
  external: string[] = [],
): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'js', sourcefile: 'size-entry.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    external,
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength }
}

/** The whole public surface of a built package: every export kept, as a user importing it all would get. */
export function everyExportOf(entryFile: string): string {
  return `export * from ${JSON.stringify(entryFile)}`
}
