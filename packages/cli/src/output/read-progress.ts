import type { CliIo } from '../io.js'

/** A counter on stderr while runs are read: one line rewritten on a terminal, a line per `every` runs in a CI log. */
export interface ReadProgress {
  add(vendor: string): void
  /** A step after reading, such as comparing pairs. */
  say(text: string): void
  done(): void
}

export function createReadProgress(io: CliIo, every = 250): ReadProgress {
  const byVendor = new Map<string, number>()
  let total = 0
  let open = false
  const line = () =>
    `reading runs: ${total}${byVendor.size ? ` (${[...byVendor].map(([vendor, n]) => `${vendor} ${n}`).join(', ')})` : ''}`
  const close = () => {
    if (open) io.stderr.write('\n')
    open = false
  }
  return {
    add(vendor) {
      total++
      byVendor.set(vendor, (byVendor.get(vendor) ?? 0) + 1)
      if (io.stderr.isTTY) {
        io.stderr.write(`\r${line()}`)
        open = true
      } else if (total % every === 0) io.stderr.write(`${line()}\n`)
    },
    say(text) {
      close()
      io.stderr.write(`${text}\n`)
    },
    done() {
      if (io.stderr.isTTY) io.stderr.write(`\r${line()}, done\n`)
      else io.stderr.write(`${line()}, done\n`)
      open = false
    },
  }
}
