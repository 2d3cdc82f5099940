type Bytes = Uint8Array<ArrayBuffer>

/**
 * A response whose body was read whole already: bytes, or the text of a JSON body with the value parsed while
 * checking it. Building a `Response` around a body costs a stream per response (about as much as the rest of a
 * call), and copying headers costs too, so this one holds what was read and the headers as they came, and `json()`
 * hands out the parsed value instead of parsing again.
 * Otherwise it behaves like any `Response`: a body can be read once, `body` is a stream, `clone()` works.
 */
export class BufferedResponse extends Response {
  readonly #content: Bytes | string
  readonly #headers: Headers
  readonly #parsed: { value: unknown } | undefined
  #stream: ReadableStream<Bytes> | undefined
  #used = false

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

  override get body(): ReadableStream<Bytes> {
    this.#stream ??= new Blob([this.#content]).stream() as ReadableStream<Bytes>
    return this.#stream
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#stream?.locked ?? false)
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.bytes()).buffer
  }

  override async bytes(): Promise<Bytes> {
    const content = await this.#read()
    // A copy: what one reader does to its bytes must not show in a clone's.
    return typeof content === 'string' ? new TextEncoder().encode(content) : content.slice()
  }

  override async text(): Promise<string> {
    const content = await this.#read()
    return typeof content === 'string' ? content : new TextDecoder().decode(content)
  }

  override async json(): Promise<unknown> {
    if (this.#parsed === undefined) return JSON.parse(await this.text())
    await this.#read()
    return this.#parsed.value
  }

  override async blob(): Promise<Blob> {
    return new Blob([await this.#read()], { type: this.headers.get('content-type') ?? '' })
  }

  override async formData(): Promise<FormData> {
    return new Response(await this.#read(), { headers: this.headers }).formData()
  }

  override clone(): Response {
    if (this.bodyUsed) throw new TypeError('Response.clone: the body has already been read')
    const init = { status: this.status, statusText: this.statusText, headers: new Headers(this.#headers) }
    return new BufferedResponse(this.#content, init, this.#parsed)
  }

  async #read(): Promise<Bytes | string> {
    if (this.bodyUsed) throw new TypeError('Response body has already been read')
    // Once `body` was handed out, the stream is the body: reading it fails as usual if the caller read it.
    if (this.#stream !== undefined) return new Uint8Array(await new Response(this.#stream).arrayBuffer())
    this.#used = true
    return this.#content
  }
}
