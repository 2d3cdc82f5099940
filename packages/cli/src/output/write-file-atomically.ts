import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'

/**
 * Writes through a temporary file in the same folder and a rename, so that a CI step or a browser never reads
 * half a report, and an interrupted write leaves the old file as it was. Resolves with the absolute path.
 */
export async function writeFileAtomically(path: string, contents: string): Promise<string> {
  const target = resolve(path)
  await mkdir(dirname(target), { recursive: true })
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, contents)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  return target
}
