type Bytes = Uint8Array<ArrayBuffer>

const BODY_USED = 'Response body has already been read'

/**
 * A response whose body was read whole already, with the value parsed while checking it (for JSON). Wrapping a
 * body in a new `Response` costs a stream per response (about as much as the rest of a call), so this one keeps
 * what was read and the headers as they came: `json()` hands out the parsed value. Any other way of reading the
 * body builds that `Response` then, so it behaves as usual: read once, `body` a stream, `clone()` works.
 */
export class BufferedResponse extends Response {
  readonly #content: Bytes | string
  readonly #headers: Headers
  readonly #parsed: { value: unknown } | undefined
  #read = false
  #full: Response | undefined

  /** `init.headers` is kept as it is, not copied: it is the Headers of the response that was read. */
  constructor(
    content: Bytes | string,
    init: { status: number; statusText: string; headers: Headers },
    parsed?: { value: unknown },
  ) {
    super(null, { status: init.status, statusText: init.statusText })
    this.#content = content
    this.#headers = init.headers
    this.#parsed = parsed
  }

  override get headers(): Headers {
    return this.#headers
  }

  override get body(): ReadableStream<Bytes> | null {
    return this.#fullResponse().body as ReadableStream<Bytes> | null
  }

  override get bodyUsed(): boolean {
    return this.#read || (this.#full?.bodyUsed ?? false)
  }

  override async json(): Promise<unknown> {
    if (this.#parsed === undefined || this.#full !== undefined || this.#read)
      return this.#fullResponse().json()
    this.#read = true
    return this.#parsed.value
  }

  override async text(): Promise<string> {
    return this.#fullResponse().text()
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#fullResponse().arrayBuffer()
  }

  override async bytes(): Promise<Bytes> {
    return this.#fullResponse().bytes() as Promise<Bytes>
  }

  override async blob(): Promise<Blob> {
    return this.#fullResponse().blob()
  }

  override async formData(): Promise<FormData> {
    return this.#fullResponse().formData()
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError(BODY_USED)
    const init = { status: this.status, statusText: this.statusText, headers: new Headers(this.#headers) }
    return new BufferedResponse(this.#content, init, this.#parsed)
  }

  /** The body as an ordinary Response, made on first need; a TypeError if `json()` read it already. */
  #fullResponse(): Response {
    if (this.#read) throw new TypeError(BODY_USED)
    this.#full ??= new Response(this.#content, { headers: this.#headers })
    return this.#full
  }
}
