/**
 * A success whose body is not the JSON the request asked for (an HTML login or proxy page, a body cut off or
 * corrupted on the way): worth another attempt where that is safe. `problem` says what came and what was expected;
 * nothing of the body is kept, not even as a cause (JSON.parse quotes the body in its message).
 */
export class MalformedBodyError extends Error {
  constructor(
    readonly status: number,
    readonly problem: string,
  ) {
    super(problem)
  }
}

/**
 * `response` with its body read whole, so that a body cut off mid-way fails the attempt (and can be retried)
 * instead of failing later in the caller's hands. The copy answers `url` with the URL it came from.
 * - JSON successes are parsed once here; `json()` hands that value out.
 * - A success that is not JSON, when `request` accepts only JSON (as every operation's does), fails the attempt
 *   with a `MalformedBodyError`. An empty one is fine: openapi-fetch makes it `undefined` data.
 * - Error bodies and URLs have any credential echoed back in them redacted.
 */
export async function readResponse(
  response: Response,
  request: Request,
  redact: (text: string) => string,
): Promise<Response> {
  const init = { status: response.status, statusText: response.statusText, headers: response.headers }
  const url = request.url
  if (!response.ok) {
    const text = await response.text()
    return newReadResponse(text === '' ? null : redact(text), init, redact(url))
  }
  const contentType = response.headers.get('content-type')
  const claimsJson = isJson(contentType)
  // Asked for something else (bytes, a stream): handed on as it came.
  if (!claimsJson && !acceptsOnlyJson(request.headers.get('accept'))) {
    const bytes = await response.arrayBuffer()
    return newReadResponse(bytes.byteLength === 0 ? null : bytes, init, url)
  }
  const text = await response.text()
  if (text === '') return newReadResponse(null, init, url)
  let parsed: unknown
  try {
    // A body that parses is taken whatever its type says: some servers send JSON as text/plain.
    parsed = JSON.parse(text)
  } catch {
    throw new MalformedBodyError(response.status, describeProblem(contentType, claimsJson))
  }
  // openapi-fetch reads `text()` and parses it again when there is no Content-Length: give it one.
  if (!init.headers.has('content-length')) {
    init.headers = new Headers(init.headers)
    init.headers.set('content-length', String(new TextEncoder().encode(text).byteLength))
  }
  return newReadResponse(text, init, url, { value: parsed })
}

/** `application/json`, `application/problem+json`, `text/json; charset=utf-8`… */
function isJson(contentType: string | null): boolean {
  return contentType?.toLowerCase().includes('json') ?? false
}

/** Whether every media range an `Accept` header lists is a JSON one (the HTTP layer sends `application/json`). */
function acceptsOnlyJson(accept: string | null): boolean {
  return accept?.split(',').every((range) => isJson(range)) ?? false
}

const MEDIA_TYPE = /^[\w.+-]{1,60}\/[\w.+-]{1,60}$/

/** What came, in words fit for an error: its media type at most (once checked to be one), never the body. */
function describeProblem(contentType: string | null, claimsJson: boolean): string {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  const body = MEDIA_TYPE.test(type)
    ? `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} body`
    : `a body with ${contentType === null ? 'no' : 'an unreadable'} Content-Type`
  return `${body} ${claimsJson ? 'that is not valid JSON (cut off or corrupted)' : 'where JSON was expected'}`
}

const BODY_USED = 'Response body has already been read'

/**
 * A response whose body was read already. Building a Response around a body makes a stream, which costs about as
 * much as the rest of a call, so this one is built bodiless: `text()` and `json()` (the value parsed while checking
 * it) hand out what was read, and any other way of reading builds an ordinary Response then. Read once, as usual.
 * Weighed against the plain form (a Response around the text, parsed again by openapi-fetch; issue 25): the plain
 * form added about 20 µs more per call with fresh streamed answers, far above the per-call noise, so this stays.
 */
// Made on first use: touching the global Response at import time loads Node's fetch implementation (undici),
// which doubles the time it takes to import the package.
let ReadResponseClass: ReturnType<typeof defineReadResponse> | undefined

function newReadResponse(...args: ConstructorParameters<ReturnType<typeof defineReadResponse>>): Response {
  ReadResponseClass ??= defineReadResponse()
  return new ReadResponseClass(...args)
}

function defineReadResponse() {
  return class ReadResponse extends Response {
    readonly #content: string | ArrayBuffer | null
    readonly #url: string
    readonly #parsed: { value: unknown } | undefined
    readonly #headers: Headers
    #read = false
    #full: Response | undefined

    constructor(
      content: string | ArrayBuffer | null,
      init: ResponseInit,
      url: string,
      parsed?: { value: unknown },
    ) {
      // The headers are handed on as they came, not copied: the copy is a good part of what a Response costs.
      super(null, { status: init.status, statusText: init.statusText })
      this.#headers = init.headers as Headers
      this.#content = content
      this.#url = url
      this.#parsed = parsed
    }

    override get headers(): Headers {
      return this.#headers
    }

    override get url(): string {
      return this.#url
    }

    override get bodyUsed(): boolean {
      return this.#read || (this.#full?.bodyUsed ?? false)
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      return this.#content === null
        ? null
        : (this.#fullResponse().body as ReadableStream<Uint8Array<ArrayBuffer>>)
    }

    override async text(): Promise<string> {
      if (typeof this.#content !== 'string') return this.#fullResponse().text()
      this.#take()
      return this.#content
    }

    override async json(): Promise<unknown> {
      if (this.#parsed === undefined) return this.#fullResponse().json()
      this.#take()
      return this.#parsed.value
    }

    override async arrayBuffer(): Promise<ArrayBuffer> {
      return this.#fullResponse().arrayBuffer()
    }

    override async blob(): Promise<Blob> {
      return this.#fullResponse().blob()
    }

    override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return this.#fullResponse().bytes() as Promise<Uint8Array<ArrayBuffer>>
    }

    override async formData(): Promise<FormData> {
      return this.#fullResponse().formData()
    }

    override clone(): Response {
      if (this.bodyUsed) throw new TypeError(BODY_USED)
      const init = { status: this.status, statusText: this.statusText, headers: this.headers }
      return new ReadResponse(this.#content, init, this.#url, this.#parsed)
    }

    #take(): void {
      if (this.bodyUsed) throw new TypeError(BODY_USED)
      this.#read = true
    }

    #fullResponse(): Response {
      if (this.#read) throw new TypeError(BODY_USED)
      this.#full ??= new Response(this.#content, { headers: this.headers })
      return this.#full
    }
  }
}
