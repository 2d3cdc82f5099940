import { describe, expect, it } from 'vitest'
import { BufferedResponse } from '../src/buffered-response.js'

const encode = (text: string) => new TextEncoder().encode(text)
const init = () => ({
  status: 200,
  statusText: 'OK',
  headers: new Headers({ 'content-type': 'application/json' }),
})

describe('BufferedResponse', () => {
  it('is a Response with the status and headers given', () => {
    const response = new BufferedResponse(encode('{}'), init())
    expect(response).toBeInstanceOf(Response)
    expect(response.ok).toBe(true)
    expect(response.statusText).toBe('OK')
    expect(response.headers.get('content-type')).toBe('application/json')
  })

  it('hands out the value parsed already, without parsing again', async () => {
    const parsed = { value: { from: 'parse' } }
    const response = new BufferedResponse(encode('{"from":"bytes"}'), init(), parsed)
    expect(await response.json()).toBe(parsed.value)
  })

  it.each([
    ['text', (r: Response) => r.text(), '{"a":1}'],
    ['json', (r: Response) => r.json(), { a: 1 }],
    ['arrayBuffer', async (r: Response) => new TextDecoder().decode(await r.arrayBuffer()), '{"a":1}'],
    ['bytes', async (r: Response) => new TextDecoder().decode(await r.bytes()), '{"a":1}'],
    ['blob', async (r: Response) => (await r.blob()).text(), '{"a":1}'],
    ['body', async (r: Response) => new Response(r.body).text(), '{"a":1}'],
  ] as const)('reads the body with %s, once, like any Response', async (_, read, expected) => {
    const response = new BufferedResponse(encode('{"a":1}'), init())
    expect(response.bodyUsed).toBe(false)
    expect(await read(response)).toEqual(expected)
    expect(response.bodyUsed).toBe(true)
    await expect(response.text()).rejects.toThrow(TypeError)
  })

  it('clones before a read, and refuses after one', async () => {
    const response = new BufferedResponse(encode('hello'), {
      status: 404,
      statusText: '',
      headers: new Headers({ 'x-request-id': 'r1' }),
    })
    const copy = response.clone()
    expect(await copy.text()).toBe('hello')
    expect(copy.status).toBe(404)
    expect(copy.headers.get('x-request-id')).toBe('r1')
    copy.headers.set('x-request-id', 'changed')
    expect(response.headers.get('x-request-id')).toBe('r1')
    expect(await response.text()).toBe('hello')
    expect(() => response.clone()).toThrow(TypeError)
  })

  it('gives each reader its own copy of the bytes', async () => {
    const response = new BufferedResponse(encode('abc'), init())
    const copy = response.clone()
    const first = await response.bytes()
    first[0] = 0
    expect(await copy.text()).toBe('abc')
  })
})
