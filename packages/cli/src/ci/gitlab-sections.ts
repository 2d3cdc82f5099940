/**
 * GitLab's collapsible job-log sections: `ESC[0Ksection_start:<unix seconds>:<name>[collapsed=true]CR ESC[0K<header>`
 * … `ESC[0Ksection_end:<unix seconds>:<name>CR ESC[0K`. A name may hold only letters, digits, `_`, `.` and `-`.
 */
const CLEAR = '\u001b[0K'

export function sectionName(text: string): string {
  return text.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 80)
}

function unixSeconds(now: Date): number {
  return Math.floor(now.getTime() / 1000)
}

export function sectionStart(name: string, header: string, now = new Date()): string {
  return `${CLEAR}section_start:${unixSeconds(now)}:${sectionName(name)}[collapsed=true]\r${CLEAR}${header}\n`
}

export function sectionEnd(name: string, now = new Date()): string {
  return `${CLEAR}section_end:${unixSeconds(now)}:${sectionName(name)}\r${CLEAR}\n`
}

/** `body` (lines ending in LF) collapsed under `header` in the job log. */
export function collapsedSection(name: string, header: string, body: string): string {
  return `${sectionStart(name, header)}${body}${sectionEnd(name)}`
}
