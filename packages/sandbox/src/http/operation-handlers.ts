import type { OperationHandler, VendorResponse } from './vendor-app.js'

// An operation as the generated `operations` type of a vendor package describes it.
type Parts<Op> = Op extends { parameters: infer P } ? P : never
type Declared<T> = [NonNullable<T>] extends [never] ? Record<never, never> : NonNullable<T>

/** Path parameters the operation declares, as sent (strings): the router does not coerce them. */
export type PathParams<Op> = { [K in keyof Declared<Parts<Op>['path' & keyof Parts<Op>]>]-?: string }

/** Query parameters the operation declares, coerced to the spec's types by the router's validation. */
export type QueryParams<Op> = Declared<Parts<Op>['query' & keyof Parts<Op>]>

/** The JSON request body the operation declares (validated against the spec), or undefined. */
export type RequestBody<Op> = Op extends { requestBody?: infer R }
  ? [NonNullable<R>] extends [never]
    ? undefined
    : NonNullable<R> extends { content: { 'application/json': infer B } }
      ? B
      : unknown
  : undefined

/** The JSON body the operation answers with `status`, as its spec declares it (for `satisfies`). */
export type AnswerBody<Op, Status extends number = 200> = Op extends { responses: infer R }
  ? Status extends keyof R
    ? R[Status] extends { content: { 'application/json': infer B } }
      ? B
      : never
    : never
  : never

/** What a handler of operation `Op` is given: only the parameters and body that operation declares. */
export interface OperationRequest<Op> {
  params: PathParams<Op>
  query: QueryParams<Op>
  body: RequestBody<Op>
  /** Sandbox time of the request, epoch ms. */
  nowMs: number
}

/**
 * One handler per operation of a vendor's spec (`Ops` is the vendor package's generated `operations`), each given
 * the vendor's state explicitly. A key that is not an operation id, a missing operation, or a handler reading a
 * parameter its operation does not declare fails to compile.
 */
export type OperationHandlers<Ops, State> = {
  [Id in keyof Ops]: (state: State, request: OperationRequest<Ops[Id]>) => VendorResponse
}

/** The handlers bound to one vendor's state, keyed by operation id, as the router calls them. */
export function bindHandlers<Ops, State>(
  handlers: OperationHandlers<Ops, State>,
  state: State,
): Record<string, OperationHandler> {
  const bound: Record<string, OperationHandler> = {}
  for (const operationId of Object.keys(handlers) as Array<keyof Ops & string>) {
    const handler = handlers[operationId]
    // The router validated the request against the same spec the types come from, so it has this operation's shape.
    bound[operationId] = (input) => handler(state, input as never)
  }
  return bound
}
