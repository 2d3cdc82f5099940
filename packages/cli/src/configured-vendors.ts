import { BUILT_IN_VENDORS, type Evalrun } from 'evalrun'
import { CliError, ExitCode } from './exit-codes.js'

/**
 * A command that reads every configured vendor reads nothing when none is: in CI that means missing secrets, not
 * an empty account, so it is a usage error (exit 2) naming what would configure one, never `No runs found.` and 0.
 */
export function requireSomeVendor(evalrun: Evalrun): void {
  if (evalrun.vendors.length > 0) return
  const ways = BUILT_IN_VENDORS.map((vendor) => vendor.credentials.map((c) => c.envVar).join(' and '))
  throw new CliError(
    `no vendor is configured, so there is nothing to read: set ${ways.join(', or ')} (or pass its key flags, see --help).`,
    ExitCode.usage,
  )
}
