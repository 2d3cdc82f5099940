import type {
  operations as TablesOperationsAsPublished,
  paths as TablesPathsAsPublished,
} from './generated/tables.js'

/**
 * An operation without the `X-API-KEY` header parameter. PromptLayer's Tables operations declare the key twice: as
 * the `ApiKeyAuth` security scheme and as a required header parameter. The client sends it from its auth on every
 * request, so a caller never passes it (and never holds it in a request's options).
 */
type WithoutKeyHeader<Operation> = Operation extends { parameters: infer Parameters }
  ? Omit<Operation, 'parameters'> & { parameters: Omit<Parameters, 'header'> & { header?: never } }
  : Operation

type KeyFromAuth<Table> = {
  [Key in keyof Table]: Table[Key] extends infer Item
    ? { [Method in keyof Item]: Method extends 'parameters' ? Item[Method] : WithoutKeyHeader<Item[Method]> }
    : never
}

/** PromptLayer's Tables API (`specs/promptlayer-tables`), by path, as the client takes it. */
export type TablesPaths = KeyFromAuth<TablesPathsAsPublished>
/** PromptLayer's Tables API, by operation id, as the client takes it. */
export type TablesOperations = KeyFromAuth<TablesOperationsAsPublished>
