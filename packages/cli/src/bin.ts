#!/usr/bin/env node
import { VERSION } from './version.js'

const args = process.argv.slice(2)
// `evalrun runs list | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0)
  throw error
})
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // Answered before loading the program: its commands pull in the facade and every vendor client, which a
  // version check (often the first thing a CI script runs) has no use for.
  process.stdout.write(`${VERSION}\n`)
} else {
  const [{ processIo }, { runCli }] = await Promise.all([import('./io.js'), import('./program.js')])
  // Only `evalrun sandbox` waits for Ctrl-C; every other command keeps Node's default (Ctrl-C ends it at once).
  const untilInterrupted = () =>
    new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve())
      process.once('SIGTERM', () => resolve())
    })
  process.exitCode = await runCli(args, processIo(), { untilInterrupted })
}
