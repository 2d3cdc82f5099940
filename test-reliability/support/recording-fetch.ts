/**
 * A fetch that records every request and answers none: a test that expects nothing to be sent checks that
 * `requests` stayed empty.
 */
export function recordingFetch() {
  const requests: string[] = []
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(`${request.method} ${request.url}`)
    return new Response('{"detail":"recording fetch: nothing should have been sent"}', {
      status: 599,
      headers: { 'content-type': 'application/json' },
    })
  }
  return { fetch, requests }
}

/** Runs `call`, awaiting a promise or reading the first item of an async iterable, and returns what it threw. */
export async function failureOf(call: () => unknown): Promise<unknown> {
  try {
    const result = call()
    if (result instanceof Promise) await result
    else if (typeof result === 'object' && result !== null && Symbol.asyncIterator in result) {
      for await (const _ of result as AsyncIterable<unknown>) break
    }
  } catch (error) {
    return error
  }
  return undefined
}
