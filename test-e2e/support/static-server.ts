import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface StaticServer {
  url: string
  close(): Promise<void>
}

/** Serves fixed files from memory on 127.0.0.1 (a different origin from the sandbox, so CORS is exercised). */
export async function serveStatic(
  files: Record<string, { type: string; body: string }>,
): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://x').pathname]
    if (!file) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
