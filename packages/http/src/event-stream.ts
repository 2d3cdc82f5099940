/** One server-sent event: its `event:` type (`message` when none is given), its `data:` lines joined, its `id:`. */
export interface ServerSentEvent {
  event: string
  data: string
  id: string | null
}

/** `text/event-stream`, with or without parameters. */
export function isEventStream(response: Response): boolean {
  return (
    response.headers.get('content-type')?.toLowerCase().trimStart().startsWith('text/event-stream') ?? false
  )
}

/** Whether `text`, the start of an event stream, holds a blank line: the end of its first event (or comment). */
export function hasBlankLine(text: string): boolean {
  const lines = text.replace(/\r\n?/g, '\n')
  return lines.startsWith('\n') || lines.includes('\n\n')
}

/**
 * The events of a `text/event-stream` body as they arrive, parsed as the HTML standard says (comments and unknown
 * fields skipped, an unfinished last event dropped). Stopping early (`break`, `return`) or aborting `signal` cancels
 * the body, which closes the connection.
 */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array> | null,
  signal?: AbortSignal,
): AsyncGenerator<ServerSentEvent, void, undefined> {
  if (body === null) return
  signal?.throwIfAborted()
  const reader = body.getReader()
  const decoder = new TextDecoder()
  const onAbort = () => {
    reader.cancel(signal?.reason).catch(() => {})
  }
  signal?.addEventListener('abort', onAbort, { once: true })
  let buffer = ''
  let event = { type: '', data: [] as string[], id: null as string | null }
  try {
    for (;;) {
      const { done, value } = await reader.read()
      signal?.throwIfAborted()
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true })
      // A lone `\r` at the end may be the first half of `\r\n`: keep it until more arrives.
      for (let end = lineEnd(buffer, done); end !== null; end = lineEnd(buffer, done)) {
        const line = buffer.slice(0, end.index)
        buffer = buffer.slice(end.index + end.length)
        if (line === '') {
          if (event.data.length > 0) {
            yield { event: event.type || 'message', data: event.data.join('\n'), id: event.id }
          }
          event = { type: '', data: [], id: event.id }
          continue
        }
        if (line.startsWith(':')) continue
        const colon = line.indexOf(':')
        const field = colon < 0 ? line : line.slice(0, colon)
        const raw = colon < 0 ? '' : line.slice(colon + 1)
        const value = raw.startsWith(' ') ? raw.slice(1) : raw
        if (field === 'event') event.type = value
        else if (field === 'data') event.data.push(value)
        else if (field === 'id' && !value.includes('\0')) event.id = value
      }
      if (done) return
    }
  } finally {
    signal?.removeEventListener('abort', onAbort)
    // Ends the connection when the reader stopped early; a no-op once the body is read to its end.
    await reader.cancel().catch(() => {})
  }
}

function lineEnd(buffer: string, done: boolean): { index: number; length: number } | null {
  const match = /\r\n|\n|\r/.exec(buffer)
  if (match === null) return null
  if (match[0] === '\r' && match.index === buffer.length - 1 && !done) return null
  return { index: match.index, length: match[0].length }
}
