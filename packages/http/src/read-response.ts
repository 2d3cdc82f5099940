/** A JSON body that did not parse: cut off or corrupted on the way, so worth another attempt. */
export class MalformedBodyError extends Error {}

/**
 * `response` with its body read whole, so that a body cut off mid-way fails the attempt (and can be retried)
 * instead of failing later in the caller's hands. The copy answers `url` with the URL it came from.
 * - JSON successes are parsed once here; `json()` hands that value out.
 * - Error bodies and URLs have any credential echoed back in them redacted.
 */
export async function readResponse(
  response: Response,
  url: string,
  redact: (text: string) => string,
): Promise<Response> {
  const init = { status: response.status, statusText: response.statusText, headers: response.headers }
  if (!response.ok) {
    const text = await response.text()
    return new ReadResponse(text === '' ? null : redact(text), init, redact(url))
  }
  if (!isJson(response.headers.get('content-type'))) {
    const bytes = await response.arrayBuffer()
    return new ReadResponse(bytes.byteLength === 0 ? null : bytes, init, url)
  }
  const text = await response.text()
  if (text === '') return new ReadResponse(null, init, url)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new MalformedBodyError('the response body is not valid JSON (cut off or corrupted)', {
      cause: error,
    })
  }
  // openapi-fetch reads `text()` and parses it again when there is no Content-Length: give it one.
  if (!init.headers.has('content-length')) {
    init.headers = new Headers(init.headers)
    init.headers.set('content-length', String(new TextEncoder().encode(text).byteLength))
  }
  return new ReadResponse(text, init, url, { value: parsed })
}

/** `application/json`, `application/problem+json`, `text/json; charset=utf-8`… */
function isJson(contentType: string | null): boolean {
  return contentType?.toLowerCase().includes('json') ?? false
}

class ReadResponse extends Response {
  readonly #url: string
  readonly #parsed: { value: unknown } | undefined

  constructor(body: BodyInit | null, init: ResponseInit, url: string, parsed?: { value: unknown }) {
    super(body, init)
    this.#url = url
    this.#parsed = parsed
  }

  override get url(): string {
    return this.#url
  }

  override async json(): Promise<unknown> {
    if (this.#parsed === undefined) return super.json()
    // Reading the text marks the body used, as `json()` would, without parsing it a second time.
    await super.text()
    return this.#parsed.value
  }
}
