/**
 * A `Response` with a JSON body and `content-type: application/json`. `init` is a status (`json(body, 404)`) or a
 * full `ResponseInit`; headers given there are added to (or override) the content type.
 */
export function json(body: unknown, init: number | ResponseInit = {}): Response {
  const { headers, ...rest } = typeof init === 'number' ? { status: init } : init
  const merged = new Headers({ 'content-type': 'application/json' })
  for (const [name, value] of new Headers(headers)) merged.set(name, value)
  return new Response(JSON.stringify(body), { ...rest, headers: merged })
}
