import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** JSON files for `runs start braintrust`: good ones, and ones that are wrong in one way each. */
const files = mkdtempSync(join(tmpdir(), 'evalrun-bad-cli-'))
const file = (name: string, text: string) => {
  writeFileSync(join(files, name), text)
  return join(files, name)
}
const braintrustStart = (scores: string, extra: string[] = []) => [
  'runs',
  'start',
  'braintrust',
  '--project-id',
  'p1',
  '--data',
  file('data.json', '{"dataset_id":"d1"}'),
  '--task',
  file('task.json', '{"function_id":"f1"}'),
  '--scores',
  scores,
  ...extra,
]

export interface BadCliInput {
  what: string
  argv: string[]
  /** Environment on top of keys and base URLs for all three vendors (pointing at a recording server). */
  env?: Record<string, string | undefined>
  /** The input the message must name. */
  names: RegExp
  /** What the message must say was expected (or how to fix it). */
  expects: RegExp
}

export const BAD_CLI_INPUTS: BadCliInput[] = [
  {
    what: 'malformed ref',
    argv: ['runs', 'get', 'datalab'],
    names: /`ref`: got "datalab"/,
    expects: /expected a run ref like/,
  },
  {
    what: 'unknown vendor in a ref',
    argv: ['runs', 'get', 'acme:1'],
    names: /"acme:1"/,
    expects: /known vendor/,
  },
  {
    what: 'non-numeric Datalab id',
    argv: ['runs', 'get', 'datalab:abc'],
    names: /"datalab:abc"/,
    expects: /expected 'datalab:<n>'/,
  },
  {
    what: 'negative --limit',
    argv: ['runs', 'list', '--limit', '-1'],
    names: /--limit "-1"/,
    expects: /expected a whole number of 1 or more/,
  },
  {
    what: 'non-numeric --limit',
    argv: ['runs', 'list', '--limit', 'abc'],
    names: /--limit "abc"/,
    expects: /expected a whole number of 1 or more/,
  },
  {
    what: 'huge --limit',
    argv: ['runs', 'list', '--limit', '99999999999999999999'],
    names: /--limit "99999999999999999999"/,
    expects: /expected a whole number of 1 or more/,
  },
  {
    what: 'invalid --since',
    argv: ['runs', 'list', '--since', 'yesterday'],
    names: /`since`: got "yesterday"/,
    expects: /expected a valid Date or an ISO 8601 date string/,
  },
  {
    what: 'impossible --since day',
    argv: ['runs', 'list', '--since', '2026-02-31T99'],
    names: /`since`: got "2026-02-31T99"/,
    expects: /expected a valid Date or an ISO 8601 date string/,
  },
  {
    what: 'unknown --vendor',
    argv: ['runs', 'list', '--vendor', 'acme'],
    names: /`vendors\[0\]`: got "acme"/,
    expects: /expected a non-empty array of 'datalab', 'promptlayer', 'humanloop'/,
  },
  {
    what: 'unknown --status',
    argv: ['runs', 'list', '--status', 'done'],
    names: /`status`: got "done"/,
    expects: /expected one of queued/,
  },
  {
    what: 'malformed --suite',
    argv: ['runs', 'list', '--suite', 'datalab'],
    names: /`suite`: got "datalab"/,
    expects: /expected a run ref like/,
  },
  {
    what: 'unknown flag',
    argv: ['runs', 'list', '--frobnicate'],
    names: /unknown option '--frobnicate'/,
    expects: /\(see --help\)/,
  },
  {
    what: 'unknown flag on get',
    argv: ['runs', 'get', 'datalab:1', '--verbose'],
    names: /unknown option '--verbose'/,
    expects: /\(see --help\)/,
  },
  {
    what: 'unknown command',
    argv: ['runs', 'frob'],
    names: /unknown command 'frob'/,
    expects: /\(see --help\)/,
  },
  {
    what: 'missing ref',
    argv: ['runs', 'get'],
    names: /missing required argument 'ref'/,
    expects: /\(see --help\)/,
  },
  {
    what: 'start: unknown vendor',
    argv: ['runs', 'start', 'acme'],
    names: /unknown vendor "acme"/,
    expects: /expected datalab, promptlayer, humanloop, openai or braintrust/,
  },
  {
    what: 'start: Datalab without --collection',
    argv: ['runs', 'start', 'datalab', '--rubric', '1'],
    names: /runs start datalab/,
    expects: /needs --collection/,
  },
  {
    what: 'start: Datalab extract without --page-schema',
    argv: ['runs', 'start', 'datalab', '--collection', '1', '--rubric', '1', '--pipeline-type', 'extract'],
    names: /`input\.pageSchema`/,
    expects: /pipelineType 'extract' needs one/,
  },
  {
    what: 'start: Datalab --pipeline-type not a choice',
    argv: ['runs', 'start', 'datalab', '--collection', '1', '--pipeline-type', 'ocr'],
    names: /'ocr'/,
    expects: /Allowed choices are convert, extract, segment/,
  },
  {
    what: 'start: Humanloop orchestrated without dataset/version',
    argv: ['runs', 'start', 'humanloop', '--evaluation', 'evr_1'],
    names: /`input\.dataset`: got nothing/,
    expects: /an orchestrated run \(the default\) needs it/,
  },
  {
    what: 'start: PromptLayer without --name',
    argv: ['runs', 'start', 'promptlayer', '--pipeline', '1'],
    names: /runs start promptlayer/,
    expects: /needs --name/,
  },
  {
    what: 'wait: bad --timeout',
    argv: ['runs', 'wait', 'datalab:1', '--timeout', 'soon'],
    names: /--timeout "soon"/,
    expects: /expected a duration like 90s, 30m or 1h/,
  },
  {
    what: 'wait: bad --min-score',
    argv: ['runs', 'wait', 'datalab:1', '--min-score', 'high'],
    names: /--min-score "high"/,
    expects: /expected a number such as 0\.8/,
  },
  {
    what: 'cancel: vendor without cancel',
    argv: ['runs', 'cancel', 'datalab:1'],
    names: /cancel is not supported by Datalab/,
    expects: /no way to stop a run/,
  },
  {
    what: 'empty key in the environment',
    argv: ['runs', 'get', 'datalab:1'],
    env: { DATALAB_API_KEY: '   ' },
    names: /Datalab API key/,
    expects: /expected a non-empty key/,
  },
  {
    what: 'key with CR/LF as a flag',
    argv: ['--datalab-api-key', 'k\r\nX-Evil: 1', 'runs', 'get', 'datalab:1'],
    names: /Datalab API key/,
    expects: /line break: expected visible ASCII/,
  },
  {
    what: 'start: Braintrust without --scores',
    argv: braintrustStart('').slice(0, -2),
    names: /runs start braintrust/,
    expects: /needs --scores/,
  },
  {
    what: 'start: Braintrust --scores file that is not JSON',
    argv: braintrustStart(file('scores-broken.json', '[{"global_function": ')),
    names: /--scores .*scores-broken\.json/,
    expects: /not valid JSON/,
  },
  {
    what: 'start: Braintrust --scores holding one scorer, not a list',
    argv: braintrustStart(file('scores-object.json', '{"global_function":"Factuality"}')),
    names: /`input\.scores`: got an object/,
    expects: /expected a non-empty array of scorer functions/,
  },
  {
    what: 'start: Braintrust --trial-count of zero',
    argv: braintrustStart(file('scores.json', '[{"global_function":"Factuality"}]'), ['--trial-count', '0']),
    names: /--trial-count "0"/,
    expects: /expected a whole number of 1 or more/,
  },
  {
    what: 'cancel: Braintrust, whose API cannot stop an experiment',
    argv: ['runs', 'cancel', 'braintrust:e1'],
    names: /cancel is not supported by Braintrust/,
    expects: /its API has no way to stop a run/,
  },
  {
    what: 'http:// base URL off loopback',
    argv: ['runs', 'get', 'datalab:1'],
    env: { DATALAB_BASE_URL: 'http://api.example.com' },
    names: /base URL .*api\.example\.com/,
    expects: /Use https:\/\//,
  },
  {
    what: 'base URL with credentials',
    argv: ['runs', 'get', 'datalab:1'],
    env: { DATALAB_BASE_URL: 'https://u:p@api.example.com' },
    names: /base URL/,
    expects: /pass the key as `apiKey`/,
  },
  {
    what: 'vendor without a key',
    argv: ['runs', 'get', 'datalab:1'],
    env: { DATALAB_API_KEY: undefined },
    names: /datalab is not configured/,
    expects: /set DATALAB_API_KEY or pass --datalab-api-key/,
  },
  {
    what: 'Humanloop listing without file ids',
    argv: ['runs', 'list', '--vendor', 'humanloop'],
    env: { HUMANLOOP_FILE_IDS: undefined },
    names: /Humanloop/,
    expects: /HUMANLOOP_FILE_IDS/,
  },
  {
    what: 'request time limit that is not a time',
    argv: ['runs', 'get', 'datalab:1', '--request-timeout', 'soon'],
    names: /--request-timeout "soon"/,
    expects: /milliseconds \(5000\) or a duration/,
  },
  {
    what: 'request time limit from the environment that is not a time',
    argv: ['runs', 'list'],
    env: { EVALRUN_REQUEST_TIMEOUT: '-5s' },
    names: /EVALRUN_REQUEST_TIMEOUT "-5s"/,
    expects: /at least 1 ms per request/,
  },
  {
    what: 'completion for an unknown shell',
    argv: ['completion', 'tcsh'],
    names: /tcsh/,
    expects: /bash, zsh, fish/,
  },
]
