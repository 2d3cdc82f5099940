/** The CI platforms whose conventions evalrun follows on its own: GitHub Actions and GitLab CI. */
export type CiPlatform = 'github' | 'gitlab'

/** Values of `EVALRUN_CI_DETECT` that turn detection off, as `--no-ci-detect` does. */
const OFF = new Set(['0', 'false', 'no', 'off'])

/**
 * The platform this runs on, from the variables each sets in every job (`GITHUB_ACTIONS=true`, `GITLAB_CI=true`);
 * null elsewhere, or when detection is turned off (`--no-ci-detect`, or `EVALRUN_CI_DETECT=0`).
 */
export function detectCi(env: Record<string, string | undefined>, enabled = true): CiPlatform | null {
  if (!enabled || OFF.has((env.EVALRUN_CI_DETECT ?? '').trim().toLowerCase())) return null
  if (env.GITHUB_ACTIONS === 'true') return 'github'
  if (env.GITLAB_CI === 'true') return 'gitlab'
  return null
}
