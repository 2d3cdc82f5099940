#!/usr/bin/env node
import { processIo } from './io.js'
import { runCli } from './program.js'

const stop = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve())
  process.once('SIGTERM', () => resolve())
})
process.exitCode = await runCli(process.argv.slice(2), processIo(), { stop })
// Requests still in flight after the answer (e.g. other vendors' pages) must not hold the process.
if (process.exitCode !== 0 || !process.argv.includes('sandbox')) process.exit()
