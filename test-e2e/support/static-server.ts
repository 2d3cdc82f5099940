import { type Listening, listenOnLoopback } from '@evalrun/test-support'

export type StaticServer = Pick<Listening, 'url' | 'close'>

/** Serves fixed files from memory on 127.0.0.1 (a different origin from the sandbox, so CORS is exercised). */
export function serveStatic(files: Record<string, { type: string; body: string }>): Promise<StaticServer> {
  return listenOnLoopback((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://x').pathname]
    if (!file) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body)
  })
}
