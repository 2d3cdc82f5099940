import type { EvalRun } from '../core/model.js'

/**
 * A gate's verdict: `passed`; `failed` (the run fell short, or could not be shown to pass: fail closed);
 * `not-judgeable` (the gate asks what the run can never give, such as a normalised score on a vendor with no
 * scale: the gate, not the run, has to change); `unread` (what the verdict needs could not be read: `error` says why).
 */
export type GateVerdict = 'passed' | 'failed' | 'not-judgeable' | 'unread'

/** The gate's verdict on one run. */
export interface RunGate {
  ref: string
  /** Null when no run could be read. */
  run: EvalRun | null
  verdict: GateVerdict
  /** One line that says why, naming the criteria as the caller named them. */
  reason: string
  /** With `unread`: what failed (the vendor's error, a wait deadline), for the caller to classify. */
  error?: unknown
}

/** Of several verdicts, the one that decides: a gate that cannot be judged, then one not read, then a failure. */
export function worstVerdict(verdicts: readonly GateVerdict[]): GateVerdict {
  for (const verdict of ['not-judgeable', 'unread', 'failed'] as const) {
    if (verdicts.includes(verdict)) return verdict
  }
  return 'passed'
}

/** `0.790`; `—` for none. */
export function formatShare(value: number | null): string {
  return value === null ? '—' : value.toFixed(3)
}

/** `79`, `0.913`; `—` for none. */
export function formatGateScore(score: number | null): string {
  if (score === null) return '—'
  return Number.isInteger(score) ? String(score) : score.toFixed(3)
}

/** The message of anything thrown, for a reason line. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
