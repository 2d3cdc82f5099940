/**
 * The built packages under measurement, loaded from their dist/ (what users install), plus openapi-fetch as
 * the HTTP layer itself resolves it. Root has no dependency on either: they are loaded by path.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
// Types from the sources (root tsconfig paths), so that type-checking needs no build; the code from dist/.
import type * as Datalab from '@evalrun/datalab'
import type * as Humanloop from '@evalrun/humanloop'
import type * as Langfuse from '@evalrun/langfuse'
import type * as PromptLayer from '@evalrun/promptlayer'
import type * as Facade from 'evalrun'
import type * as Stats from 'evalrun/stats'
import { distEntry, repoRoot } from './paths.js'

// openapi-fetch's types use `export =`; its ESM build exports the same function as default.
type CreateClient = typeof import('../../packages/http/node_modules/openapi-fetch/dist/index.js')

async function load<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(path).href)) as T
}

export const loadDatalab = () => load<typeof Datalab>(distEntry('datalab'))
export const loadPromptLayer = () => load<typeof PromptLayer>(distEntry('promptlayer'))
export const loadHumanloop = () => load<typeof Humanloop>(distEntry('humanloop'))
export const loadLangfuse = () => load<typeof Langfuse>(distEntry('langfuse'))
export const loadFacade = () => load<typeof Facade>(distEntry('evalrun'))
/** `evalrun/stats`, beside the facade's default entry. */
export const loadStats = () => load<typeof Stats>(join(distEntry('evalrun'), '..', 'stats.js'))

/** openapi-fetch 0.17.0, the very copy the HTTP layer uses. */
export async function loadOpenapiFetch(): Promise<CreateClient> {
  const entry = join(repoRoot, 'packages', 'http', 'node_modules', 'openapi-fetch', 'dist', 'index.mjs')
  return (await load<{ default: CreateClient }>(entry)).default
}
