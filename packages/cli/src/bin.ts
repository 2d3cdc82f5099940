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
  // Only `evalrun sandbox` and `runs wait` listen for Ctrl-C, and only while they serve or wait; every other
  // command, and a second Ctrl-C, keeps Node's default (Ctrl-C ends it at once).
  const untilInterrupted = (until?: AbortSignal) =>
    new Promise<void>((resolve) => {
      const stopListening = () => {
        process.off('SIGINT', interrupted)
        process.off('SIGTERM', interrupted)
      }
      const interrupted = () => {
        stopListening()
        resolve()
      }
      process.on('SIGINT', interrupted)
      process.on('SIGTERM', interrupted)
      until?.addEventListener('abort', stopListening, { once: true })
    })
  process.exitCode = await runCli(args, processIo(), { untilInterrupted })
}
