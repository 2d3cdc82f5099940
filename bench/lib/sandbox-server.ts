/**
 * Runs a sandbox in a process of its own, so that its work neither slows nor inflates the memory of the
 * process under measurement (a real vendor is on another machine). Prints one JSON line with where it listens,
 * then serves until its stdin closes. Options come as JSON in argv[2].
 */
import type { SandboxOptions } from '../../packages/sandbox/src/index.js'
import { startBenchSandbox } from './sandbox.js'

const options = JSON.parse(process.argv[2] ?? '{}') as SandboxOptions
const sandbox = await startBenchSandbox(options)
process.stdout.write(
  `${JSON.stringify({ urls: sandbox.urls, apiKeys: sandbox.apiKeys, catalog: sandbox.catalog })}\n`,
)
process.stdin.resume()
process.stdin.on('end', () => {
  void sandbox.close().then(() => process.exit(0))
})
