import type { Eval } from '@evalrun/openai'
import { readField, readId, readString } from '../../core/read-json.js'
import { encodeRefPart } from '../../core/ref.js'
import type { EvalSuite } from '../../core/suite.js'
import { parseUnixSeconds } from './parse-unix-time.js'

/** An OpenAI eval as an `EvalSuite`: its runs are the eval's runs (`run.suite.ref` is the same ref). */
export function mapOpenAISuite(evaluation: unknown): EvalSuite<'openai'> {
  const warnings: string[] = []
  const id = readId<Eval>(evaluation, 'id')
  if (id === null) warnings.push('The eval has no id: its suite ref is empty.')
  return {
    ref: `openai:${encodeRefPart(id ?? '')}`,
    vendor: 'openai',
    id: id ?? '',
    kind: 'eval',
    name: readString<Eval>(evaluation, 'name'),
    createdAt: parseUnixSeconds(readField<Eval>(evaluation, 'created_at'), 'created_at', warnings),
    url: null,
    raw: evaluation,
    warnings,
  }
}
