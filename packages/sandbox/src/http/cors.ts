import type { ServerResponse } from 'node:http'

// A browser page on any origin may call the sandbox: it holds only fake data and fake keys.
const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  // Date: the sandbox clock, which a page's client reads as its vendor's (Braintrust's status rule does).
  'Access-Control-Expose-Headers': 'Retry-After, Content-Length, Date',
}

const PREFLIGHT_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, X-API-Key, X-API-KEY, Authorization, Accept, User-Agent',
  'Access-Control-Max-Age': '600',
}

export function addCorsHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.setHeader(name, value)
}

export function answerPreflight(response: ServerResponse): void {
  response.writeHead(204, PREFLIGHT_HEADERS)
  response.end()
}
