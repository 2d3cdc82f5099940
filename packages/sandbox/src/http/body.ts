import type { IncomingMessage } from 'node:http'

export const MAX_BODY_BYTES = 1024 * 1024

export type BodyResult = { kind: 'ok'; text: string } | { kind: 'too-large' } | { kind: 'aborted' }

/**
 * Reads a request body up to MAX_BODY_BYTES. A declared or streamed size over the limit stops reading at once
 * (nothing more is buffered); the caller answers 413 and closes the connection.
 */
export function readBody(request: IncomingMessage): Promise<BodyResult> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) return Promise.resolve({ kind: 'too-large' })
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (result: BodyResult) => {
      if (settled) return
      settled = true
      request.off('data', onData)
      resolve(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        chunks.length = 0
        request.pause()
        finish({ kind: 'too-large' })
        return
      }
      chunks.push(chunk)
    }
    request.on('data', onData)
    request.on('end', () => finish({ kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }))
    request.on('error', () => finish({ kind: 'aborted' }))
    request.on('aborted', () => finish({ kind: 'aborted' }))
  })
}

/** `application/json`, with or without parameters, and `application/<x>+json`. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false
  const type = header.split(';')[0]!.trim().toLowerCase()
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))
}
