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
    return newReadResponse(text === '' ? null : redact(text), init, redact(url))
  }
  if (!isJson(response.headers.get('content-type'))) {
    const bytes = await response.arrayBuffer()
    return newReadResponse(bytes.byteLength === 0 ? null : bytes, init, url)
  }
  const text = await response.text()
  if (text === '') return newReadResponse(null, init, url)
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
  return newReadResponse(text, init, url, { value: parsed })
}

/** `application/json`, `application/problem+json`, `text/json; charset=utf-8`… */
function isJson(contentType: string | null): boolean {
  return contentType?.toLowerCase().includes('json') ?? false
}

const BODY_USED = 'Response body has already been read'

/**
 * A response whose body was read already. Building a Response around a body makes a stream, which costs about as
 * much as the rest of a call, so this one is built bodiless: `text()` and `json()` (the value parsed while checking
 * it) hand out what was read, and any other way of reading builds an ordinary Response then. Read once, as usual.
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
