import { createDatalabClient } from '@evalrun/datalab'
import { createHumanloopClient } from '@evalrun/humanloop'
import { createPromptLayerClient } from '@evalrun/promptlayer'
import {
  createEvalrun,
  type Evalrun,
  EvalrunInvalidConfigError,
  EvalrunInvalidInputError,
  EvalrunNotSupportedError,
  type EvalrunOptions,
} from 'evalrun'

type ErrorClass = { isInstance(value: unknown): boolean; name: string }

export interface BadApiInput {
  what: string
  /** The call, given a fully configured client whose fetch records every request. */
  call: (evalrun: Evalrun, fetch: (request: Request) => Promise<Response>) => unknown
  error: ErrorClass
  /** The input the message must name. */
  names: RegExp
  /** What the message must say was expected. */
  expects: RegExp
}

const ref = 'datalab:1'
const loop = (path: string) => `http://127.0.0.1:9/${path}`
/** createEvalrun with Langfuse's options replaced (its two keys by default), sharing the recording fetch. */
const withLangfuse = (fetch: EvalrunOptions['fetch'], langfuse: object = {}, env?: Record<string, string>) =>
  createEvalrun({
    fetch,
    ...(env ? { env } : {}),
    langfuse: env
      ? langfuse
      : { publicKey: 'pk-lf-1', secretKey: 'sk-lf-1', baseUrl: loop('lf'), ...langfuse },
  } as EvalrunOptions)
/** createEvalrun with one vendor's options replaced, sharing the recording fetch. */
const withDatalab = (fetch: EvalrunOptions['fetch'], datalab: object, extra: Partial<EvalrunOptions> = {}) =>
  createEvalrun({
    fetch,
    datalab: { apiKey: 'k', baseUrl: loop('dl'), ...datalab },
    ...extra,
  } as EvalrunOptions)

export const BAD_API_INPUTS: BadApiInput[] = [
  // createEvalrun options
  {
    what: 'options not an object',
    call: () => createEvalrun(null as never),
    error: EvalrunInvalidInputError,
    names: /`options`/,
    expects: /expected an options object/,
  },
  {
    what: 'empty API key',
    call: (_, f) => withDatalab(f, { apiKey: '' }),
    error: EvalrunInvalidConfigError,
    names: /Datalab API key/,
    expects: /expected a non-empty key/,
  },
  {
    what: 'whitespace API key',
    call: (_, f) => withDatalab(f, { apiKey: '   ' }),
    error: EvalrunInvalidConfigError,
    names: /Datalab API key/,
    expects: /expected a non-empty key/,
  },
  {
    what: 'API key with CR/LF',
    call: (_, f) => withDatalab(f, { apiKey: 'abc\r\nX-Evil: 1' }),
    error: EvalrunInvalidConfigError,
    names: /Datalab API key/,
    expects: /line break: expected visible ASCII/,
  },
  {
    what: 'API key with a trailing LF',
    call: (_, f) => withDatalab(f, { apiKey: 'abc\n' }),
    error: EvalrunInvalidConfigError,
    names: /Datalab API key/,
    expects: /line break: expected visible ASCII/,
  },
  {
    what: 'API key with a space',
    call: (_, f) => withDatalab(f, { apiKey: 'ab cd' }),
    error: EvalrunInvalidConfigError,
    names: /Datalab API key/,
    expects: /white space: expected visible ASCII/,
  },
  {
    what: 'API key not a string',
    call: (_, f) => withDatalab(f, { apiKey: 42 }),
    error: EvalrunInvalidConfigError,
    names: /Datalab API key/,
    expects: /expected a non-empty key string/,
  },
  {
    what: 'http:// base URL off loopback',
    call: (_, f) => withDatalab(f, { baseUrl: 'http://api.example.com/v1' }),
    error: EvalrunInvalidConfigError,
    names: /base URL .*api\.example\.com/,
    expects: /Use https:\/\//,
  },
  {
    what: 'base URL with credentials',
    call: (_, f) => withDatalab(f, { baseUrl: 'https://user:pw@api.example.com' }),
    error: EvalrunInvalidConfigError,
    names: /base URL/,
    expects: /contains credentials: pass the key as `apiKey`/,
  },
  {
    what: 'base URL not a URL',
    call: (_, f) => withDatalab(f, { baseUrl: 'not a url' }),
    error: EvalrunInvalidConfigError,
    names: /base URL/,
    expects: /expected an absolute https:\/\/ URL/,
  },
  {
    what: 'base URL with another protocol',
    call: (_, f) => withDatalab(f, { baseUrl: 'ftp://api.example.com' }),
    error: EvalrunInvalidConfigError,
    names: /base URL/,
    expects: /expected https:/,
  },
  {
    what: 'base URL with a query',
    call: (_, f) => withDatalab(f, { baseUrl: 'https://api.example.com/?token=1' }),
    error: EvalrunInvalidConfigError,
    names: /base URL/,
    expects: /expected scheme, host and path only/,
  },
  {
    what: 'negative timeoutMs',
    call: (_, f) => withDatalab(f, {}, { timeoutMs: -1 }),
    error: EvalrunInvalidConfigError,
    names: /`timeoutMs` is -1/,
    expects: /expected a positive number of milliseconds/,
  },
  {
    what: 'timeoutMs of the wrong type',
    call: (_, f) => withDatalab(f, {}, { timeoutMs: 'fast' as never }),
    error: EvalrunInvalidConfigError,
    names: /`timeoutMs` is fast/,
    expects: /expected a positive number/,
  },
  {
    what: 'huge timeoutMs',
    call: (_, f) => withDatalab(f, {}, { timeoutMs: 1e12 }),
    error: EvalrunInvalidConfigError,
    names: /`timeoutMs`/,
    expects: /expected a positive number/,
  },
  {
    what: 'negative retry count',
    call: (_, f) => withDatalab(f, {}, { retry: { maxRetries: -1 } }),
    error: EvalrunInvalidConfigError,
    names: /`retry\.maxRetries` is -1/,
    expects: /expected a whole number >= 0/,
  },
  {
    what: 'unknown retry option',
    call: (_, f) => withDatalab(f, {}, { retry: { retries: 3 } as never }),
    error: EvalrunInvalidConfigError,
    names: /retry option `retries`/,
    expects: /expected one of maxRetries/,
  },
  {
    what: 'header with a line break',
    call: (_, f) => withDatalab(f, { headers: { 'X-Trace': 'a\r\nb' } }),
    error: EvalrunInvalidConfigError,
    names: /header `X-Trace`/,
    expects: /must be a string without line breaks/,
  },
  {
    what: 'humanloop.fileIds not an array',
    call: (_, f) =>
      createEvalrun({ fetch: f, humanloop: { apiKey: 'k', baseUrl: loop('hl'), fileIds: 'pr_1' as never } }),
    error: EvalrunInvalidInputError,
    names: /`humanloop\.fileIds`/,
    expects: /expected an array of Humanloop file ids/,
  },
  {
    what: 'a vendor that is not one',
    call: (_, f) => createEvalrun({ fetch: f, vendors: [{} as never] }),
    error: EvalrunInvalidInputError,
    names: /`vendors\[0\]`/,
    expects: /expected an EvalrunVendor/,
  },
  // vendor clients
  {
    what: 'PromptLayer client, empty key',
    call: (_, f) => createPromptLayerClient({ apiKey: '', fetch: f }),
    error: EvalrunInvalidConfigError,
    names: /PromptLayer API key/,
    expects: /expected a non-empty key/,
  },
  {
    what: 'Humanloop client, http:// private host',
    call: (_, f) => createHumanloopClient({ apiKey: 'k', baseUrl: 'http://10.0.0.7/v5', fetch: f }),
    error: EvalrunInvalidConfigError,
    names: /Humanloop base URL .*10\.0\.0\.7/,
    expects: /Use https:\/\//,
  },
  {
    what: 'Datalab client, key with LF',
    call: (_, f) => createDatalabClient({ apiKey: 'k\nk', fetch: f }),
    error: EvalrunInvalidConfigError,
    names: /Datalab API key/,
    expects: /expected visible ASCII/,
  },
  {
    what: 'Datalab client, credentials in URL',
    call: (_, f) => createDatalabClient({ apiKey: 'k', baseUrl: 'https://a:b@x.example', fetch: f }),
    error: EvalrunInvalidConfigError,
    names: /Datalab base URL/,
    expects: /pass the key as `apiKey`/,
  },
  // runs.list
  {
    what: 'list: negative limit',
    call: (e) => e.runs.list({ limit: -1 }),
    error: EvalrunInvalidInputError,
    names: /`limit`: got -1/,
    expects: /expected a positive whole number/,
  },
  {
    what: 'list: zero limit',
    call: (e) => e.runs.list({ limit: 0 }),
    error: EvalrunInvalidInputError,
    names: /`limit`: got 0/,
    expects: /expected a positive whole number/,
  },
  {
    what: 'list: fractional limit',
    call: (e) => e.runs.list({ limit: 1.5 }),
    error: EvalrunInvalidInputError,
    names: /`limit`: got 1\.5/,
    expects: /expected a positive whole number/,
  },
  {
    what: 'list: huge limit',
    call: (e) => e.runs.list({ limit: 1e20 }),
    error: EvalrunInvalidInputError,
    names: /`limit`: got 100000000000000000000/,
    expects: /expected a positive whole number/,
  },
  {
    what: 'list: limit of the wrong type',
    call: (e) => e.runs.list({ limit: '10' as never }),
    error: EvalrunInvalidInputError,
    names: /`limit`: got "10"/,
    expects: /expected a positive whole number/,
  },
  {
    what: 'list: since not a date',
    call: (e) => e.runs.list({ since: 'yesterday' }),
    error: EvalrunInvalidInputError,
    names: /`since`: got "yesterday"/,
    expects: /expected a valid Date or an ISO 8601 date string/,
  },
  {
    what: 'list: since an invalid Date',
    call: (e) => e.runs.list({ since: new Date('nope') }),
    error: EvalrunInvalidInputError,
    names: /`since`: got Date\(invalid\)/,
    expects: /expected a valid Date/,
  },
  {
    what: 'list: since an impossible day',
    call: (e) => e.runs.list({ since: '2026-13-45' }),
    error: EvalrunInvalidInputError,
    names: /`since`: got "2026-13-45"/,
    expects: /expected a valid Date/,
  },
  {
    what: 'list: unknown vendor',
    call: (e) => e.runs.list({ vendors: ['acme' as never] }),
    error: EvalrunInvalidInputError,
    names: /`vendors\[0\]`: got "acme"/,
    expects: /expected a non-empty array of 'datalab', 'promptlayer', 'humanloop'/,
  },
  {
    what: 'list: empty vendors',
    call: (e) => e.runs.list({ vendors: [] }),
    error: EvalrunInvalidInputError,
    names: /`vendors`: got an array of 0/,
    expects: /expected a non-empty array/,
  },
  {
    what: 'list: unknown status',
    call: (e) => e.runs.list({ status: 'done' as never }),
    error: EvalrunInvalidInputError,
    names: /`status`: got "done"/,
    expects: /expected one of queued, running/,
  },
  {
    what: 'list: suite without id',
    call: (e) => e.runs.list({ suite: 'datalab' }),
    error: EvalrunInvalidInputError,
    names: /`suite`: got "datalab"/,
    expects: /expected a (run|suite) ref like/,
  },
  {
    what: 'list: suite with a non-numeric id',
    call: (e) => e.runs.list({ suite: 'datalab:abc' }),
    error: EvalrunInvalidInputError,
    names: /`suite`: got "datalab:abc"/,
    expects: /expected 'datalab:<n>' with a collection id/,
  },
  {
    what: 'list: misspelt option',
    call: (e) => e.runs.list({ limt: 5 } as never),
    error: EvalrunInvalidInputError,
    names: /`limt`: got 5/,
    expects: /no such option \(known: vendors/,
  },
  // runs.get
  {
    what: 'get: ref without colon',
    call: (e) => e.runs.get('datalab'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "datalab"/,
    expects: /expected a run ref like 'datalab:<runId>'/,
  },
  {
    what: 'get: ref without id',
    call: (e) => e.runs.get('datalab:'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "datalab:"/,
    expects: /expected a run ref like/,
  },
  {
    what: 'get: unknown vendor',
    call: (e) => e.runs.get('acme:1'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "acme:1"/,
    expects:
      /expected a ref of a known vendor \(datalab, promptlayer, humanloop, openai, braintrust, langfuse, phoenix\)/,
  },
  {
    what: 'get: non-numeric Datalab id',
    call: (e) => e.runs.get('datalab:abc'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "datalab:abc"/,
    expects: /expected 'datalab:<n>' with a batch run id/,
  },
  {
    what: 'get: fractional PromptLayer id',
    call: (e) => e.runs.get('promptlayer:1.5'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "promptlayer:1.5"/,
    expects: /expected 'promptlayer:<report id>'/,
  },
  {
    what: 'get: Humanloop ref without run id',
    call: (e) => e.runs.get('humanloop:evr_1'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "humanloop:evr_1"/,
    expects: /expected 'humanloop:<evaluationId>\/<runId>'/,
  },
  {
    what: 'get: ref of the wrong type',
    call: (e) => e.runs.get(42 as never),
    error: EvalrunInvalidInputError,
    names: /`ref`: got 42/,
    expects: /expected a run ref like/,
  },
  // runs.start
  {
    what: 'start: no input',
    call: (e) => e.runs.start(null as never),
    error: EvalrunInvalidInputError,
    names: /`input\.vendor`: got nothing/,
    expects: /expected the vendor to start a run on/,
  },
  {
    what: 'start: unknown vendor',
    call: (e) => e.runs.start({ vendor: 'acme' } as never),
    error: EvalrunInvalidInputError,
    names: /`input\.vendor`: got "acme"/,
    expects: /expected a ref of a known vendor/,
  },
  {
    what: 'start: Datalab without collectionId',
    call: (e) => e.runs.start({ vendor: 'datalab' } as never),
    error: EvalrunInvalidInputError,
    names: /`input\.collectionId`: got nothing/,
    expects: /expected a positive/,
  },
  {
    what: 'start: Datalab collectionId as a string',
    call: (e) => e.runs.start({ vendor: 'datalab', collectionId: '12', rubricId: 1 } as never),
    error: EvalrunInvalidInputError,
    names: /`input\.collectionId`: got "12"/,
    expects: /expected a positive/,
  },
  {
    what: 'start: Datalab standard pipeline without rubric',
    call: (e) => e.runs.start({ vendor: 'datalab', collectionId: 1 }),
    error: EvalrunInvalidInputError,
    names: /`input\.rubricId`/,
    expects: /standard pipelines need one/,
  },
  {
    what: 'start: Datalab extract without pageSchema',
    call: (e) => e.runs.start({ vendor: 'datalab', collectionId: 1, rubricId: 1, pipelineType: 'extract' }),
    error: EvalrunInvalidInputError,
    names: /`input\.pageSchema`/,
    expects: /pipelineType 'extract' needs one/,
  },
  {
    what: 'start: Datalab segment without segmentationSchema',
    call: (e) => e.runs.start({ vendor: 'datalab', collectionId: 1, rubricId: 1, pipelineType: 'segment' }),
    error: EvalrunInvalidInputError,
    names: /`input\.segmentationSchema`/,
    expects: /pipelineType 'segment' needs one/,
  },
  {
    what: 'start: PromptLayer without name',
    call: (e) => e.runs.start({ vendor: 'promptlayer', pipelineId: 1 } as never),
    error: EvalrunInvalidInputError,
    names: /`input\.name`: got nothing/,
    expects: /expected/,
  },
  {
    what: 'start: Humanloop orchestrated without dataset and version',
    call: (e) => e.runs.start({ vendor: 'humanloop', evaluationId: 'evr_1' }),
    error: EvalrunInvalidInputError,
    names: /`input\.dataset`/,
    expects: /expected .*orchestrated/,
  },
  {
    what: 'start: OpenAI without a data source',
    call: (e) => e.runs.start({ vendor: 'openai', evalId: 'eval_1' } as never),
    error: EvalrunInvalidInputError,
    names: /`input\.dataSource`: got nothing/,
    expects: /expected an object/,
  },
  {
    what: 'start: OpenAI data source of an unknown type',
    call: (e) =>
      e.runs.start({ vendor: 'openai', evalId: 'eval_1', dataSource: { type: 'csv', source: {} } } as never),
    error: EvalrunInvalidInputError,
    names: /`input\.dataSource\.type`: got "csv"/,
    expects: /expected one of jsonl, completions, responses/,
  },
  {
    what: 'start: OpenAI jsonl data source reading stored completions',
    call: (e) =>
      e.runs.start({
        vendor: 'openai',
        evalId: 'eval_1',
        dataSource: { type: 'jsonl', source: { type: 'stored_completions' } },
      } as never),
    error: EvalrunInvalidInputError,
    names: /`input\.dataSource\.source\.type`: got "stored_completions"/,
    expects: /for a jsonl data source, one of file_content, file_id/,
  },
  {
    what: 'start: OpenAI metadata over its limits',
    call: (e) =>
      e.runs.start({
        vendor: 'openai',
        evalId: 'eval_1',
        dataSource: { type: 'jsonl', source: { type: 'file_id', id: 'file-1' } },
        metadata: { note: 'x'.repeat(513) },
      }),
    error: EvalrunInvalidInputError,
    names: /`input\.metadata\.note`/,
    expects: /at most 512 characters/,
  },
  {
    what: 'start: Braintrust without scorers',
    call: (e) =>
      e.runs.start({
        vendor: 'braintrust',
        projectId: 'p1',
        data: { dataset_id: 'd1' },
        task: { function_id: 'f1' },
        scores: [],
      }),
    error: EvalrunInvalidInputError,
    names: /`input\.scores`: got an array/,
    expects: /expected a non-empty array of scorer functions/,
  },
  {
    what: 'start: Braintrust data in none of its three forms',
    call: (e) =>
      e.runs.start({
        vendor: 'braintrust',
        projectId: 'p1',
        data: { rows: [{ input: 1 }] },
        task: { function_id: 'f1' },
        scores: [{ global_function: 'Factuality' }],
      } as never),
    error: EvalrunInvalidInputError,
    names: /`input\.data`/,
    expects: /expected \{ dataset_id \}, \{ project_name, dataset_name \} or \{ data: \[rows\] \}/,
  },
  {
    what: 'start: Braintrust task that names no function',
    call: (e) =>
      e.runs.start({
        vendor: 'braintrust',
        projectId: 'p1',
        data: { dataset_id: 'd1' },
        task: { name: 'my task' },
        scores: [{ global_function: 'Factuality' }],
      } as never),
    error: EvalrunInvalidInputError,
    names: /`input\.task`/,
    expects: /expected a function: \{ function_id \}, \{ project_name, slug \}/,
  },
  {
    what: 'start: Braintrust trial count of zero',
    call: (e) =>
      e.runs.start({
        vendor: 'braintrust',
        projectId: 'p1',
        data: { data: [{ input: 'q' }] },
        task: { function_id: 'f1' },
        scores: [{ global_function: 'Factuality' }],
        trialCount: 0,
      }),
    error: EvalrunInvalidInputError,
    names: /`input\.trialCount`: got 0/,
    expects: /expected a positive whole number/,
  },
  {
    what: 'start: unknown field',
    call: (e) => e.runs.start({ vendor: 'datalab', collectionId: 1, rubricId: 1, colour: 'red' } as never),
    error: EvalrunInvalidInputError,
    names: /`input\.colour`/,
    expects: /expected/,
  },
  // runs.wait, runs.cancel, runs.results
  {
    what: 'wait: negative timeoutMs',
    call: (e) => e.runs.wait(ref, { timeoutMs: -5 }),
    error: EvalrunInvalidInputError,
    names: /`timeoutMs`: got -5/,
    expects: /expected a positive number of milliseconds \(or Infinity\)/,
  },
  {
    what: 'wait: zero pollIntervalMs',
    call: (e) => e.runs.wait(ref, { pollIntervalMs: 0 }),
    error: EvalrunInvalidInputError,
    names: /`pollIntervalMs`: got 0/,
    expects: /expected a positive number of milliseconds/,
  },
  {
    what: 'wait: max poll below first poll',
    call: (e) => e.runs.wait(ref, { pollIntervalMs: 5_000, maxPollIntervalMs: 10 }),
    error: EvalrunInvalidInputError,
    names: /`maxPollIntervalMs`: got 10/,
    expects: /expected at least pollIntervalMs \(5000\)/,
  },
  {
    what: 'wait: malformed ref',
    call: (e) => e.runs.wait('nope'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "nope"/,
    expects: /expected a run ref like/,
  },
  {
    what: 'cancel: vendor without cancel',
    call: (e) => e.runs.cancel(ref),
    error: EvalrunNotSupportedError,
    names: /cancel is not supported by Datalab/,
    expects: /its API has no way to stop a run/,
  },
  {
    what: 'Langfuse public key with a colon (basic auth cannot carry it)',
    call: (_, f) => withLangfuse(f, { publicKey: 'pk-lf:1' }),
    error: EvalrunInvalidConfigError,
    names: /Langfuse public key/,
    expects: /contains ":": basic auth cannot carry it/,
  },
  {
    what: 'Langfuse secret key with CR/LF',
    call: (_, f) => withLangfuse(f, { secretKey: 'sk-lf\r\nX-Evil: 1' }),
    error: EvalrunInvalidConfigError,
    names: /Langfuse secret key from `secretKey`/,
    expects: /line break: expected visible ASCII/,
  },
  {
    what: 'LANGFUSE_HOST (the older name) not a URL',
    call: (_, f) =>
      withLangfuse(
        f,
        {},
        { LANGFUSE_PUBLIC_KEY: 'pk-lf-1', LANGFUSE_SECRET_KEY: 'sk-lf-1', LANGFUSE_HOST: 'langfuse' },
      ),
    error: EvalrunInvalidConfigError,
    names: /Langfuse base URL from LANGFUSE_HOST/,
    expects: /expected an absolute https:\/\/ URL/,
  },
  {
    what: 'Langfuse listing window of zero days',
    call: (_, f) => withLangfuse(f, { listWindowDays: 0 }),
    error: EvalrunInvalidInputError,
    names: /`langfuse\.listWindowDays`: got 0/,
    expects: /expected a positive number up to 36500/,
  },
  {
    what: 'Langfuse quiet period not a number',
    call: (_, f) => withLangfuse(f, { quietPeriodMs: '5m' }),
    error: EvalrunInvalidInputError,
    names: /`langfuse\.quietPeriodMs`: got "5m"/,
    expects: /expected a positive number/,
  },
  {
    what: 'get: Langfuse id not percent-encoded',
    call: (e) => e.runs.get('langfuse:exp 1'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "langfuse:exp 1"/,
    expects: /expected 'langfuse:<experimentId>' \(the id percent-encoded\)/,
  },
  {
    what: 'results: malformed Langfuse ref',
    call: (e) => e.runs.results('langfuse:%zz'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "langfuse:%zz"/,
    expects: /expected 'langfuse:<experimentId>'/,
  },
  {
    what: 'list: malformed Langfuse suite',
    call: (e) => e.runs.list({ suite: 'langfuse:%' }),
    error: EvalrunInvalidInputError,
    names: /`suite`: got "langfuse:%"/,
    expects: /expected 'langfuse:<datasetId>'/,
  },
  {
    what: 'start: Langfuse (its experiments run in your code)',
    call: (e) => e.runs.start({ vendor: 'langfuse' } as never),
    error: EvalrunNotSupportedError,
    names: /start is not supported by Langfuse/,
    expects: /its API has no way to start runs/,
  },
  {
    what: 'cancel: Langfuse',
    call: (e) => e.runs.cancel('langfuse:exp_1'),
    error: EvalrunNotSupportedError,
    names: /cancel is not supported by Langfuse/,
    expects: /its API has no way to stop a run/,
  },
  {
    what: 'cancel: OpenAI ref without a run id',
    call: (e) => e.runs.cancel('openai:eval_1'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "openai:eval_1"/,
    expects: /expected 'openai:<evalId>\/<runId>'/,
  },
  {
    what: 'cancel: Braintrust, whose API cannot stop an experiment',
    call: (e) => e.runs.cancel('braintrust:e1'),
    error: EvalrunNotSupportedError,
    names: /cancel is not supported by Braintrust/,
    expects: /its API has no way to stop a run/,
  },
  {
    what: 'get: Braintrust ref with a path in it',
    call: (e) => e.runs.get('braintrust:e1/2'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "braintrust:e1\/2"/,
    expects: /expected 'braintrust:<experimentId>'/,
  },
  {
    what: 'results: Braintrust ref not percent-encoded as evalrun writes it',
    call: (e) => e.runs.results('braintrust:e 1'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "braintrust:e 1"/,
    expects: /expected 'braintrust:<experimentId>'/,
  },
  {
    what: 'createEvalrun: Braintrust quiet period of zero',
    call: (_e, fetch) =>
      createEvalrun({ fetch, braintrust: { apiKey: 'k', baseUrl: loop('bt'), quietPeriodMs: 0 } }),
    error: EvalrunInvalidInputError,
    names: /`braintrust\.quietPeriodMs`: got 0/,
    expects: /expected a positive number of milliseconds/,
  },
  {
    what: 'cancel: malformed Humanloop ref',
    call: (e) => e.runs.cancel('humanloop:evr 1/run'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "humanloop:evr 1\/run"/,
    expects: /expected 'humanloop:<evaluationId>\/<runId>'/,
  },
  {
    what: 'results: non-numeric PromptLayer id',
    call: (e) => e.runs.results('promptlayer:x'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got "promptlayer:x"/,
    expects: /expected 'promptlayer:<report id>'/,
  },
  {
    what: 'results: malformed ref',
    call: (e) => e.runs.results(':1'),
    error: EvalrunInvalidInputError,
    names: /`ref`: got ":1"/,
    expects: /expected a run ref like/,
  },
]
