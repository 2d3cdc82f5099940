/**
 * Options that point all three vendors at one fake fetch, with retries off so failures show at once. Each base
 * URL carries a vendor prefix (/dl, /pl, /hl), so one `fakeFetch` from `@evalrun/test-support` serves all three.
 */
export function vendorOptions(
  fetch: (request: Request) => Promise<Response>,
  humanloopFileIds = ['pr_support'],
) {
  return {
    fetch,
    retry: false as const,
    datalab: { apiKey: 'dl-test-key', baseUrl: 'http://127.0.0.1:9/dl' },
    promptlayer: { apiKey: 'pl-test-key', baseUrl: 'http://127.0.0.1:9/pl' },
    humanloop: { apiKey: 'hl-test-key', baseUrl: 'http://127.0.0.1:9/hl', fileIds: humanloopFileIds },
  }
}
