/**
 * The first line of every pull-request comment body evalrun writes: hidden when rendered, and the same on every
 * run, so that a workflow step can find its earlier comment and update it instead of adding another.
 */
export const PR_COMMENT_MARKER = '<!-- evalrun:pr-comment -->'

/** GitHub refuses a comment body over 65,536 characters. */
export const PR_COMMENT_MAX_CHARS = 65_536

/**
 * The room left for the Markdown under the marker, in UTF-8 bytes: a character is at least one byte (and at most
 * two UTF-16 units for four bytes), so a body within this many bytes is within the character limit.
 */
export const PR_COMMENT_MARKDOWN_BYTES = PR_COMMENT_MAX_CHARS - PR_COMMENT_MARKER.length - 1

export function prCommentBody(markdown: string): string {
  return `${PR_COMMENT_MARKER}\n${markdown}`
}
