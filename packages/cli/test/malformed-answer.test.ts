import { type Listening, listenOnLoopback } from '@evalrun/test-support'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from './helpers.js'

const KEY = 'dl-FAKE-key-5e1d07c2'
/** A base URL pointing at a vendor's web app: every path answers 200 with its sign-in page. */
let webApp: Listening
let requests = 0

beforeAll(async () => {
  webApp = await listenOnLoopback((_request, response) => {
    requests++
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<!DOCTYPE html><title>Sign in WEBAPP-MARKER</title><p>${KEY}</p>`)
  })
})
afterAll(() => webApp.close())

describe('a base URL that answers with an HTML page', () => {
  it('exits 3, with or without --debug, with a message naming the vendor, method and URL, and nothing of the page', async () => {
    for (const debug of [[], ['--debug']]) {
      requests = 0
      const env = { DATALAB_API_KEY: KEY, DATALAB_BASE_URL: webApp.url }
      const { exitCode, stdout, stderr } = await cli([...debug, 'runs', 'get', 'datalab:1'], env)
      expect(exitCode).toBe(3)
      expect(stderr).toContain(`Datalab: GET ${webApp.url}/`)
      expect(stderr).toContain('a text/html body where JSON was expected')
      expect(`${stdout}${stderr}`).not.toContain('WEBAPP-MARKER')
      expect(`${stdout}${stderr}`).not.toContain(KEY)
      // Retried, as any read is.
      expect(requests).toBe(3)
    }
  })
})
