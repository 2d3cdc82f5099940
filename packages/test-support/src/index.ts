export { collect } from './collect.js'
export { fakeFetch, type RecordedRequest, type Route } from './fake-fetch.js'
export { json } from './json.js'
export {
  type Listening,
  type LoopbackRequest,
  type LoopbackResponse,
  type LoopbackServer,
  listenOnLoopback,
  startLoopbackServer,
} from './loopback-server.js'
export { type Answer, recordingFetch } from './recording-fetch.js'
export {
  type PublishedSpec,
  publishedSpec,
  type SpecMock,
  type SpecMockExchange,
  type SpecMockOptions,
  type SpecViolation,
  startSpecMock,
} from './spec-mock.js'
