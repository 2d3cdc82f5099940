import { appendFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CiPlatform } from './detect-ci.js'

/** The report files a gating command writes: each given by its flag, or chosen by the CI platform it runs on. */
export interface ReportFiles {
  junit?: string
  summary?: string
  prComment?: string
}

/** On GitLab, the JUnit file a job names in `artifacts:reports:junit` when `--junit` is not given. */
export const GITLAB_DEFAULT_JUNIT = 'evalrun.junit.xml'
/** On GitHub, the pull-request comment body's file name (in `$RUNNER_TEMP`) when `--pr-comment` is not given. */
export const GITHUB_DEFAULT_PR_COMMENT = 'evalrun-pr-comment.md'

/**
 * The files to write: the flags given win; on GitHub Actions the summary goes to `$GITHUB_STEP_SUMMARY` and the
 * pull-request comment body to `$RUNNER_TEMP/evalrun-pr-comment.md`; on GitLab CI the JUnit report to
 * `$CI_PROJECT_DIR/evalrun.junit.xml`, which the job's `artifacts:reports:junit` names.
 */
export function reportFilesFor(
  flags: ReportFiles,
  ci: CiPlatform | null,
  env: Record<string, string | undefined>,
  cwd: string,
): ReportFiles {
  const files: ReportFiles = { ...flags }
  if (ci === 'github') {
    if (files.summary === undefined && nonEmpty(env.GITHUB_STEP_SUMMARY))
      files.summary = env.GITHUB_STEP_SUMMARY
    files.prComment ??= join(
      nonEmpty(env.RUNNER_TEMP) ? (env.RUNNER_TEMP as string) : cwd,
      GITHUB_DEFAULT_PR_COMMENT,
    )
  }
  // Artifact paths are relative to the project's checkout, which GitLab names in CI_PROJECT_DIR.
  if (ci === 'gitlab') {
    files.junit ??= join(
      nonEmpty(env.CI_PROJECT_DIR) ? (env.CI_PROJECT_DIR as string) : cwd,
      GITLAB_DEFAULT_JUNIT,
    )
  }
  return files
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== ''
}

/**
 * Sets a step output (`steps.<id>.outputs.<name>`) by appending to the `$GITHUB_OUTPUT` file; a value with a line
 * break takes GitHub's delimiter form. Nothing when the file is not given (not a GitHub step).
 */
export async function setStepOutput(
  env: Record<string, string | undefined>,
  name: string,
  value: string,
): Promise<boolean> {
  const file = env.GITHUB_OUTPUT
  if (!nonEmpty(file)) return false
  const delimiter = `EVALRUN_${Date.now()}`
  const line = /[\r\n]/.test(value) ? `${name}<<${delimiter}\n${value}\n${delimiter}\n` : `${name}=${value}\n`
  await appendFile(file as string, line)
  return true
}
