import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SyncError } from './sync-error.js'

export const DEFAULT_FETCH_TIMEOUT_MS = 30_000

/** The client timeout: the option, else SPECS_SYNC_TIMEOUT_MS (tests and slow vendors), else 30 s. */
export function fetchTimeoutMs(option?: number): number {
  if (option !== undefined) return option
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: a test and debugging knob, not a build input
  const fromEnv = Number(process.env.SPECS_SYNC_TIMEOUT_MS)
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_FETCH_TIMEOUT_MS
}

/** The raw text of an upstream spec: an http(s) URL is downloaded, anything else is read as a file. */
export async function fetchSpecText(vendor: string, origin: string, timeoutMs: number): Promise<string> {
  if (!/^https?:\/\//i.test(origin)) {
    const path = origin.startsWith('file:') ? fileURLToPath(origin) : resolve(origin)
    try {
      return await readFile(path, 'utf8')
    } catch (error) {
      throw new SyncError(vendor, origin, `cannot read the spec file: ${(error as Error).message}`)
    }
  }
  let response: Response
  try {
    response = await fetch(origin, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json, application/yaml, text/yaml, */*' },
      redirect: 'follow',
    })
  } catch (error) {
    const name = (error as Error).name
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new SyncError(vendor, origin, `timed out after ${timeoutMs} ms`)
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    throw new SyncError(
      vendor,
      origin,
      `network error: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
    )
  }
  if (!response.ok) {
    await response.body?.cancel()
    throw new SyncError(vendor, origin, `HTTP ${response.status} ${response.statusText}`.trim())
  }
  try {
    return await response.text()
  } catch (error) {
    const name = (error as Error).name
    const reason =
      name === 'TimeoutError' || name === 'AbortError'
        ? `timed out after ${timeoutMs} ms`
        : (error as Error).message
    throw new SyncError(vendor, origin, `reading the body failed: ${reason}`)
  }
}
