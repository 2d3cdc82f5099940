#!/usr/bin/env node
import { processIo } from './io.js'
import { runCli } from './program.js'

// Only `evalrun sandbox` waits for Ctrl-C; every other command keeps Node's default (Ctrl-C ends it at once).
const untilInterrupted = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
process.exitCode = await runCli(process.argv.slice(2), processIo(), { untilInterrupted })
