import { request } from 'node:http'
import { connect } from 'node:net'

/** A GET on a fresh connection (no keep-alive agent), so that N calls really open N sockets. */
export function getOnNewSocket(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const call = request(url, { agent: false, headers }, (response) => {
      response.resume()
      response.on('end', () => resolve(response.statusCode ?? 0))
    })
    call.on('error', reject)
    call.end()
  })
}

/** Writes raw bytes to the server and resolves with whatever came back before the socket closed. */
export function rawExchange(port: number, bytes: string | Buffer, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    const timer = setTimeout(() => socket.destroy(), timeoutMs)
    socket.on('data', (chunk) => {
      received += chunk.toString()
    })
    socket.on('error', () => {})
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(received)
    })
    socket.write(bytes)
  })
}

/** The status code of the first response in a raw exchange, or null if none came. */
export function statusOf(reply: string): number | null {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(reply)
  return match ? Number(match[1]) : null
}

/**
 * A slowloris client: sends a request line, then one more header line every `everyMs`, never finishing.
 * Resolves with what the server answered when it cut the connection.
 */
export function slowloris(port: number, everyMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    let line = 0
    const timer = setInterval(() => socket.write(`X-Slow-${line++}: x\r\n`), everyMs)
    socket.on('data', (chunk) => {
      received += chunk.toString()
    })
    socket.on('error', () => {})
    socket.on('close', () => {
      clearInterval(timer)
      resolve(received)
    })
    socket.write('GET /datalab/api/v1/eval_rubrics HTTP/1.1\r\nHost: sandbox\r\n')
  })
}
