/** Where a command writes, and what it knows of the terminal: injected so tests can run commands in-process. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  env: Record<string, string | undefined>
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env }
}

/** Colour only on a terminal, never with NO_COLOR (https://no-color.org) or FORCE_COLOR=0. */
export function wantsColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false
  if (io.env.FORCE_COLOR === '0') return false
  if (io.env.FORCE_COLOR) return true
  return Boolean(io.stdout.isTTY)
}
