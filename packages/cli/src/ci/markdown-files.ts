import { appendFile, mkdir, stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { writeFileAtomically } from '../output/write-file-atomically.js'
import { PR_COMMENT_MARKDOWN_BYTES, prCommentBody } from './pr-comment.js'

/** Renders the Markdown within a byte cap (rows past it are left out, and a note says how many). */
export type RenderMarkdown = (maxBytes: number) => Promise<string>

/** GitHub takes a step summary of up to 1 MiB, what earlier steps of the job appended included. */
export const STEP_SUMMARY_MAX_BYTES = 1_048_576
/** Below this room a summary would be a heading and a note: it is not appended, and evalrun says why. */
const MIN_SUMMARY_BYTES = 4_096

/**
 * Appends the summary to `path` (a blank line after what is there). For `$GITHUB_STEP_SUMMARY`, capped to the room
 * the file has left under GitHub's 1 MiB, so that GitHub does not drop the whole summary. Resolves with the path
 * written, or null with the reason when there is no room left.
 */
export async function appendSummary(
  path: string,
  render: RenderMarkdown,
  defaultMaxBytes: number,
  isStepSummary: boolean,
): Promise<{ path: string } | { path: null; why: string }> {
  const target = resolve(path)
  await mkdir(dirname(target), { recursive: true })
  const existing = (await stat(target).catch(() => null))?.size ?? 0
  const separator = existing > 0 ? '\n' : ''
  let maxBytes = defaultMaxBytes
  if (isStepSummary) {
    const room = STEP_SUMMARY_MAX_BYTES - existing - separator.length
    if (room < MIN_SUMMARY_BYTES) {
      return {
        path: null,
        why: `the step summary already holds ${existing.toLocaleString('en')} of the ${STEP_SUMMARY_MAX_BYTES.toLocaleString('en')} bytes GitHub takes, so evalrun's summary was not appended (see the job log or --junit)`,
      }
    }
    maxBytes = Math.min(maxBytes, room)
  }
  await appendFile(target, `${separator}${await render(maxBytes)}`)
  return { path: target }
}

/** Writes the pull-request comment body (marker, then the Markdown, ≤ 65,536 characters), replacing the file. */
export async function writePrComment(path: string, render: RenderMarkdown): Promise<string> {
  return writeFileAtomically(path, prCommentBody(await render(PR_COMMENT_MARKDOWN_BYTES)))
}
