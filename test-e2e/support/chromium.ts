import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/** Debian's Chromium; CHROMIUM_PATH points elsewhere (and lets the missing-browser failure be tried). */
// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by the browser tests under vitest, not by any turbo task.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Off where missing outside CI; in CI a missing browser fails the test with `requireChromium`'s message. */
export const runBrowserTests = existsSync(CHROMIUM) || Boolean(process.env.CI)

/** Throws, saying how to install it, when Debian's Chromium is not there. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium; .ci/run does this).`,
    )
  }
}

/** Headless, without the background traffic a fresh profile makes (updates, sync, QUIC probes). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30_000,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
