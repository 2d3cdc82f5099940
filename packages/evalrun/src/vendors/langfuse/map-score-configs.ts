import type { ScoreConfig } from '@evalrun/langfuse'
import type { ScoreScale } from '../../core/model.js'
import { readNumber, readString } from '../../core/read-json.js'
import { sameRange } from '../../core/score-scale.js'

/** What the score configs say about the scales of numeric scores, by score name. */
export interface LangfuseScales {
  /** The scale of numeric scores named `name`, or null when no config bounds them on both sides. */
  numeric(name: string): ScoreScale | null
}

/** No configs read: every numeric scale unknown. */
export const UNKNOWN_SCALES: LangfuseScales = { numeric: () => null }

/**
 * Langfuse's score configs (`ScoreConfig[]`) as scales. A numeric score is matched to the NUMERIC configs of its
 * name (archived ones too: scores made under them keep their scale). The scale is known only when every such
 * config sets both `minValue` and `maxValue`, and to the same two numbers; a missing bound is infinite
 * upstream, and configs that disagree leave the scores' scale open. Accepts any value; never throws.
 */
export function mapLangfuseScoreConfigs(configs: readonly unknown[]): LangfuseScales {
  const byName = new Map<string, ScoreScale | null>()
  for (const config of configs) {
    if (readString<ScoreConfig>(config, 'dataType') !== 'NUMERIC') continue
    const name = readString<ScoreConfig>(config, 'name')
    if (name === null) continue
    const min = readNumber<ScoreConfig>(config, 'minValue')
    const max = readNumber<ScoreConfig>(config, 'maxValue')
    const scale: ScoreScale | null =
      min !== null && max !== null && min < max ? { min, max, source: 'config' } : null
    if (!byName.has(name)) byName.set(name, scale)
    else if (!sameScale(byName.get(name) ?? null, scale)) byName.set(name, null)
  }
  return { numeric: (name) => byName.get(name) ?? null }
}

function sameScale(a: ScoreScale | null, b: ScoreScale | null): boolean {
  return a !== null && b !== null && sameRange(a, b)
}
