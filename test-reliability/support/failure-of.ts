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
