type Figures = Record<string, unknown> | null
type FiguresOf = (scenario: string) => Figures
type Section = (figuresOf: FiguresOf) => string

const run = (file: string) => `\`pnpm exec vitest run test-reliability/${file}\``
const n = (value: unknown) =>
  typeof value === 'number' ? value.toLocaleString('en-US') : String(value ?? '–')
const table = (head: string[], rows: unknown[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(n).join(' | ')} |`),
  ].join('\n')
const notRun = '_Not run in the last run: no figures._'

const listing: Section = (of) => {
  const f = of('listing-under-faults')
  const page = of('listing-page-failure')
  const bt = of('listing-under-faults-braintrust')
  const btListings = (bt?.listings ?? []) as Array<Record<string, unknown>>
  const listings = (f?.listings ?? []) as Array<Record<string, unknown>>
  const sum = (key: string) => listings.reduce((total, l) => total + Number(l[key] ?? 0), 0)
  return `## 1. Listing under faults

Each vendor seeded with ${n(f?.runsPerVendor ?? 2000)} runs (${n(f?.suitesPerVendor)} suites each, so Humanloop reads many
evaluations); ${Number(f?.faultRate ?? 0.2) * 100}% of responses faulty, drawn from ${((f?.faultKinds as string[]) ?? []).join(', ')}.
\`runs.list\` across every vendor (from a \`since\` before any seeded run, so that Langfuse lists all its experiments
rather than its last 30 days) is compared with a listing without faults (${n(f?.baselineRuns)} refs). Each listing
uses its own fault sequence. Retries: 8 per request, backoff of at most 50 ms; each attempt may take ${n(f?.attemptTimeoutMs)} ms, so
a 2 s 'slow' answer is abandoned and retried (the slow fault keeps the issue's 2 s; only the attempt timeout is
shortened, to keep the suite fast).

${
  f
    ? table(
        ['fault seed', 'runs listed', 'requests', 'faults injected', 'lost', 'unexpected', 'duplicates'],
        listings.map((l) => [
          l.faultSeed,
          l.runsListed,
          l.requests,
          l.faultsInjected,
          l.lost,
          l.unexpected,
          l.duplicates,
        ]),
      )
    : notRun
}

${f ? `Total: ${n(sum('runsListed'))} runs listed over ${listings.length} listings, ${n(sum('faultsInjected'))} faults injected in ${n(sum('requests'))} requests, **${n(sum('lost'))} lost, ${n(sum('duplicates'))} duplicated**.` : ''}

A page that cannot be had within the retry budget (Datalab answering 503 to everything after its first page): the
listing throws \`EvalrunListError\` after the other vendors, naming the vendor and the page, and the
${n(page?.yieldedBeforeFailure)} runs already yielded are valid (each is read back with \`runs.get\`):

> ${page ? String(page.message) : notRun}

Braintrust reads two more answers per experiment (its summary and its newest trace, a read-only POST retried as a
GET is), so it is listed on its own: ${n(bt?.experiments ?? 300)} experiments, the same faults, each listing compared with
one without faults ref by ref, with each experiment's derived status and score.

${
  bt
    ? table(
        ['fault seed', 'experiments listed', 'requests', 'faults injected', 'same refs, statuses and scores'],
        btListings.map((l) => [l.faultSeed, l.experimentsListed, l.requests, l.faultsInjected, 'yes']),
      )
    : notRun
}

Reproduce: ${run('listing-under-faults.test.ts')}
`
}

const starting: Section = (of) => {
  const f = of('start-under-faults')
  const rows = (f?.perVendor ?? []) as Array<Record<string, unknown>>
  return `## 2. Starting under faults

${n(f?.calls ?? 100)} \`runs.start\` calls in turn over the vendors that can start runs, ${Number(f?.faultRate ?? 0.25) * 100}% of responses faulty (all kinds, 'slow' 50 ms).
POST is retried only on 429 and 503 (not processed); 500/502 are answers ("not started"); a reset connection or a
truncated body after the request was processed is an \`EvalrunOutcomeUnknownError\` (a distinct type, not an
\`EvalrunApiError\`) whose message says the request was sent, may or may not have taken effect, and to check in the
vendor before sending it again.

${
  f
    ? table(
        ['vendor', 'calls', 'started', 'not started', 'outcome unknown', 'runs created in the sandbox'],
        rows.map((r) => [r.vendor, r.calls, r.started, r.notStarted, r.unknown, r.created]),
      )
    : notRun
}

${f ? `Faults injected: ${n(f.faultsInjected)} in ${n(f.requests)} requests. Reconciliation: on every vendor, runs created = started + outcome unknown (the sandbox's resets and truncations come after the work is done, so every unknown outcome did take effect: exactly what the error tells the caller to check). For PromptLayer, OpenAI and Braintrust each call's run has a unique name, so the check is call by call: one run per "started" or "unknown" call, none per "not started". Started with a read-back warning: ${n(f.startedWithReadBackWarning)}.` : ''}

Reproduce: ${run('start-under-faults.test.ts')}
`
}

const pagination: Section = (of) => {
  const f = of('pagination-while-creating')
  return `## 3. Pagination while runs are being created

Datalab pages by \`limit\`/\`offset\`, newest first. While a listing of ${n(f?.seededRuns ?? 2000)} runs was read, ${n(f?.createdDuringListing)}
runs were created (${n(f?.createdHalfWayThroughEachPage)} half-way through each page). Each creation pushes the older runs down, so the vendor served
${n(f?.runsServedByVendor)} runs for ${n(f?.seededRuns)} distinct ones: **${n(f?.repeatsServedByVendor)} repeats served, ${n(f?.duplicatesYielded)} duplicates yielded**
(the facade drops any ref it has already yielded, remembering the last 10,000: \`DEDUPE_WINDOW\`). No run that existed
when the listing began was lost (${n(f?.seededRunsLost)}).

**What can be missed**: runs created while the listing runs land on pages already read (newest first), so a
listing does not see them: here ${n(f?.createdDuringListingMissed)} of ${n(f?.createdDuringListing)}. With offset pagination a run deleted meanwhile would pull
later runs up by one, and the run crossing the page boundary would be skipped; the sandbox does not delete runs, so
this is documented, not measured. PromptLayer (page/per_page over pipelines, runs nested) and Humanloop (runs
unpaginated per evaluation, evaluations paginated per file) shift the same way at pipeline/evaluation level.

**How \`since\` helps**: note the time a listing starts; a second listing with \`since\` set to it returns exactly the
runs created from then on: here ${n(f?.caughtBySecondListingWithSince)} runs, every one the first listing missed. A poller that lists with
\`since: previousListingStart\` therefore misses nothing that was created (runs whose creation time the vendor does not
give are always kept by \`since\`).

Reproduce: ${run('pagination-while-creating.test.ts')}
`
}

const waiting: Section = (of) => {
  const f = of('wait-transient')
  const deadline = of('wait-deadline')
  const abort = of('wait-abort')
  const rows = (f?.runs ?? []) as Array<Record<string, unknown>>
  return `## 4. \`runs.wait\` under faults

With HTTP retries turned off so that every fault reaches the wait itself (${Number(f?.faultRate ?? 0.5) * 100}% of responses: 429, 500, 502, 503,
reset, truncated), a run on each vendor is waited for to the end:

${
  f
    ? table(
        ['vendor', 'final status', 'successful polls', 'faults survived'],
        rows.map((r) => [r.vendor, r.finalStatus, r.successfulPolls, r.faultsSurvived]),
      )
    : notRun
}

- Deadline: with every poll failing (503), the wait ends with \`EvalrunWaitDeadlineError\` at its ${n(deadline?.timeoutMs ?? 300)} ms deadline, saying
  why: ${deadline ? `"${String(deadline.message)}"` : notRun}
- The deadline also cuts short a poll in flight (a 60 s slow answer does not hold the wait).
- \`AbortSignal\`: aborting while a poll is in flight (the answer delayed ${n(abort?.answerDelayMs ?? 60000)} ms) rejects at once with the signal's
  reason; an already-aborted signal sends ${n(abort?.requestsSentWithAnAbortedSignal ?? 0)} requests.

No timing is asserted: the sandbox clock is manual (it moves 0.3 s per request), and the in-flight checks only show
that the wait did not sit out the delayed answer.

Reproduce: ${run('wait-under-faults.test.ts')}
`
}

const badInput: Section = (of) => {
  const api = of('bad-input-api')
  const cli = of('bad-input-cli')
  return `## 5. Bad input

A table of **${n(api?.inputsTried)} bad inputs to the public API** (\`createEvalrun\` options, the vendor clients, \`runs.list/get/start/wait/cancel/results\`)
and **${n(cli?.inputsTried)} to the CLI**: malformed refs, unknown vendors, wrong types, negative, zero, fractional and huge limits,
invalid dates, empty and whitespace keys, keys with CR/LF or spaces, \`http://\` base URLs off loopback, base URLs with
credentials or a query, start inputs missing their conditional fields (extract → pageSchema, segment →
segmentationSchema, standard pipeline → rubric, orchestrated Humanloop run → dataset and version, OpenAI data sources
whose type and source do not go together, metadata over OpenAI's limits, Braintrust data in none of its three forms,
a task naming no function, no scorers, a scorers file that is not a list), unknown fields,
options and flags. Each gives a typed error (\`EvalrunInvalidInputError\`, \`EvalrunInvalidConfigError\`,
\`EvalrunNotSupportedError\`; exit code 2 in the CLI) whose message names the input and what was expected; each
expectation is asserted per row. Requests sent: **${n(api?.requestsSent)}** (API; a recording \`fetch\`) and **${n(cli?.requestsSent)}** (CLI; every vendor
pointed at a recording loopback server).

Reproduce: ${run('bad-input-api.test.ts')} and ${run('bad-input-cli.test.ts')}
`
}

const oddData: Section = (of) => {
  const f = of('odd-vendor-data')
  return `## 6. Odd vendor data

Property tests (fast-check) through the whole client, bytes on the wire to \`EvalRun\`: ${n(f?.casesPerVendor)} cases per vendor of
near-valid JSON (a real payload with fields replaced by arbitrary JSON), arbitrary JSON and non-JSON text, with
status 200 or any status 200–599 (\`runs.get\` on all six vendors, \`runs.results\` on Datalab, OpenAI, Braintrust and Langfuse). Never a crash:
${n(f?.resolved)} cases gave a run with a valid status (${n(f?.unknownStatusWithWarning)} of them \`unknown\`, each with a warning that explains),
${n(f?.typedErrors)} a typed evalrun error. The mappers alone are fuzzed in \`packages/evalrun/test/mappers.property.test.ts\`
(not repeated here). The HTTP layer's error parsing: ${n(f?.errorParsingCases)} cases each for \`describeErrorBody\` (always one line of at
most 300 characters) and \`request\` (an \`EvalrunApiError\` carrying the status for every error status, the data
otherwise), on arbitrary values including null-prototype objects. Writing these properties turned up a crash in
\`describeErrorBody\` on such values (fixed, see below).

Reproduce: ${run('odd-vendor-data.property.test.ts')}
`
}

const secrets: Section = (of) => {
  const api = of('secrets-api')
  const cli = of('secrets-cli')
  const redirect = of('secrets-redirect')
  const langfuse = of('secrets-api-langfuse')
  return `## 7. Secrets

A recognisable fake key on **${n(api?.failurePathsChecked)} failure paths of the API** (${((api?.paths as string[]) ?? []).join('; ')}): the key appears
in none of the error's message, stack, \`String()\`, \`JSON.stringify\`, or \`util.inspect\` (full depth, with and
without hidden properties, so the \`cause\` chain is included). **${n(cli?.cliFailurePathsChecked)} CLI failure paths** (exit codes 2, 3 and 4), each
with and without \`--debug\`, the key given both as a flag and in the environment: never in stdout or stderr. This
found one leak (a misspelt key flag, \`--datalab-apikey=KEY\`, was echoed by the "unknown option" error; fixed).

Langfuse takes two keys (HTTP basic auth): on **${n(langfuse?.failurePathsChecked)} failure paths of the API** (${((langfuse?.paths as string[]) ?? []).join('; ')}),
neither key nor their base64 form appears in any rendering of the error, nor in the CLI's output (both keys given as
flags and in the environment, with and without \`--debug\`), even from a server that quotes the credentials back.

Keys go only to the configured base URL: each vendor's base URL redirects (302) to another origin; the configured
origin received the key on all ${n(redirect?.requestsToConfiguredOrigin)} requests, the other origin received ${n(redirect?.requestsFollowedElsewhere)} followed requests,
${n(redirect?.followedRequestsCarryingKey)} of them carrying the key. (The same-origin and cross-origin cases for a single vendor client are in
\`packages/http/test/loopback.test.ts\`.)

Reproduce: ${run('secrets-api.test.ts')} and ${run('secrets-cli.test.ts')}
`
}

const sandbox: Section = (of) => {
  const f = of('sandbox-robustness')
  const concurrent = f?.concurrentConnections as Record<string, unknown> | undefined
  const malformed = (f?.malformedRequests ?? []) as Array<Record<string, unknown>>
  const oversized = f?.oversizedBody as Record<string, unknown> | undefined
  const slow = f?.slowloris as Record<string, unknown> | undefined
  const memory = f?.memory as Record<string, unknown> | undefined
  return `## 8. Sandbox robustness

- **${n(concurrent?.opened)} concurrent connections** (one socket each): ${n(concurrent?.answered200)} answered 200.
- **Malformed requests**, each followed by a normal request that is served: ${malformed.map((m) => `${m.what} → ${m.status}`).join('; ') || notRun}.
- **Body over 1 MB** (${n(oversized?.bytes)} bytes): ${n(oversized?.answer)}, and the server keeps serving.
- **Slow clients**: ${n(slow?.slowClients)} slowloris clients (a header line every 500 ms, never finishing): all ${n(slow?.cutOffWith408)} cut off with 408, while
  ${n(slow?.servedMeanwhile)} ordinary requests were served. Before the fix below the sandbox kept such sockets for Node's defaults (60 s,
  checked every 30 s); a socket that sent nothing was still open after 12 s.
- **Memory**: ${n(memory?.requests)} requests in 5 rounds of 2,000 (rubrics, run pages, 404, 422, 401); heap used after a forced GC
  after each round: ${((memory?.heapUsedMbAfterEachRound as number[]) ?? []).join(', ')} MB; growth from round 2 to 5: ${n(memory?.growthRound2To5Mb)} MB (bound: 16 MB). GC is
  forced with \`v8.setFlagsFromString('--expose-gc')\` in the test worker (vitest does not pass \`--expose-gc\`); the
  heap measured is the worker's, client and sandbox together, so the bound is loose.

Reproduce: ${run('sandbox-robustness.test.ts')}
`
}

const fixes: Section = () => `## Fixes this suite led to

| package | file | what | why |
|---|---|---|---|
| evalrun | \`src/errors.ts\` | \`EvalrunListError\`'s message adds \`[failed page: GET /path?query]\` for a failure whose message does not already name the page | an API error named only the operation (\`GET /api/v1/eval_batch_runs\`), not which page could not be had |
| evalrun | \`src/errors.ts\` | the same message says "N runs were delivered (the other vendors' in full, a failed vendor's up to its failure)" | it said "N runs from the others were delivered", though N counts the failed vendor's runs too (all 200 here) |
| http | \`src/error-body.ts\` | \`describeErrorBody\` shows a non-primitive \`loc\` segment as \`?\` | \`String()\` threw on a null-prototype object (or a throwing \`toString\`), though the function promises never to throw |
| cli | \`src/classify-error.ts\` | "unknown option '--flag=value'" is shown as \`'--flag=…'\` | a key given to a misspelt key flag (\`--datalab-apikey=KEY\`) was printed on stderr |
| sandbox | \`src/http/server.ts\`, \`README.md\` | \`headersTimeout\` 5 s, \`requestTimeout\` 30 s, checked every 1 s; documented | slow clients held sockets for a minute or more |

Each has a test in its package: \`packages/evalrun/test/list.test.ts\` ("names the page…"),
\`packages/http/test/error-body.test.ts\`, \`packages/cli/test/unknown-option.test.ts\`,
\`packages/sandbox/test/slow-clients.test.ts\`.
`

const limits: Section = () => `## Known limits (found, not fixed)

- Deletions during offset pagination can skip a run (section 3); the sandbox cannot delete runs, so this is not
  measured.
- The dedupe remembers the last 10,000 refs (\`DEDUPE_WINDOW\`): more runs than that created during one page read
  could be yielded twice. Not exercised.
- \`stats().faultsInjected\` is a total: figures are per listing, not per vendor.
`

export const SECTIONS: Section[] = [
  listing,
  starting,
  pagination,
  waiting,
  badInput,
  oddData,
  secrets,
  sandbox,
  fixes,
  limits,
]
