export type Env = Readonly<Record<string, string | undefined>>

/**
 * Reads an environment variable: from `env` when given (an edge runtime's bindings, a CLI's injected environment),
 * else from `process.env` where there is one (Node, Bun, Deno with env access). Empty counts as unset.
 */
export function readEnv(name: string, env?: Env): string | undefined {
  const source = env ?? (globalThis as { process?: { env?: Env } }).process?.env
  const value = source?.[name]
  return value === undefined || value === '' ? undefined : value
}
