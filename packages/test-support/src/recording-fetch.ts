import { json } from './json.js'

export type Answer = (request: Request) => Response | Promise<Response>

/**
 * A `fetch` that records every `Request` it is handed (each one, so a retry shows up as a new object) and its
 * body text (`''` when it has none), and answers with `answers` in turn: the first request gets the first, and
 * the last one answers every request after that. With no answers it answers every request 599, so a test that
 * expects nothing to be sent checks that `requests` stayed empty.
 */
export function recordingFetch(...answers: Answer[]) {
  const requests: Request[] = []
  const bodies: string[] = []
  const fetch = async (request: Request): Promise<Response> => {
    requests.push(request)
    bodies.push(request.body ? await request.clone().text() : '')
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)]
    if (!answer) return json({ detail: 'recording fetch: nothing should have been sent' }, 599)
    return answer(request)
  }
  return { fetch, requests, bodies }
}
