import { describeCause } from './cause.js'
import { EvalrunNetworkError } from './errors.js'
import { hasBlankLine, isEventStream } from './event-stream.js'
import { redactUrl } from './redact.js'
import type { EventStreamContext, EventStreamSupport } from './vendor.js'

/** An event stream whose first event is longer than this is handed on without waiting for its end. */
const MAX_FIRST_EVENT_BYTES = 1_048_576

export const eventStreams: EventStreamSupport = {
  hold: (response, request, init, config) =>
    isEventStream(response) ? holdEventStream(response, request, init, config) : null,
}

/**
 * An event stream answers over time, so its body is not read whole. The attempt (and its time limit) lasts until
 * the first event or comment has arrived: a server that never starts answering times out and fails as any request
 * does (a POST then with an unknown outcome). The stream is then handed on unread, with that first event, and is
 * not timed any further: it lasts as long as the work it reports on, until the reader cancels it or the server
 * ends it. A failure after that is an `EvalrunNetworkError` from the body.
 */
async function holdEventStream(
  response: Response,
  request: Request,
  init: RequestInit,
  config: EventStreamContext,
): Promise<Response> {
  const reader = response.body?.getReader()
  const answered = { status: response.status, statusText: response.statusText, headers: response.headers }
  if (reader === undefined) return new Response(null, answered)
  const chunks: Uint8Array[] = []
  const decoder = new TextDecoder()
  let text = ''
  let ended = false
  // The attempt's time limit aborts `init.signal`; the read then ends too, however the fetch treats its signal.
  const stopWaiting = () => {
    reader.cancel().catch(() => {})
  }
  init.signal?.addEventListener('abort', stopWaiting, { once: true })
  try {
    while (!hasBlankLine(text) && text.length < MAX_FIRST_EVENT_BYTES) {
      const { done, value } = await reader.read()
      if (done) {
        ended = true
        break
      }
      chunks.push(value)
      text += decoder.decode(value, { stream: true })
    }
  } finally {
    init.signal?.removeEventListener('abort', stopWaiting)
  }
  const { vendor } = config
  const method = request.method
  const url = config.auth.redact(redactUrl(request.url))
  const rest = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk)
      chunks.length = 0
      if (ended) controller.close()
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (done) controller.close()
        else controller.enqueue(value)
      } catch (error) {
        controller.error(
          new EvalrunNetworkError({
            message: `${vendor.displayName}: the event stream of ${method} ${url} broke off: ${config.auth.redact(describeCause(error))}.`,
            vendor: vendor.id,
            method,
            url,
            attempts: 1,
            cause: error,
          }),
        )
      }
    },
    cancel: (reason) => reader.cancel(reason),
  })
  return new Response(rest, answered)
}
