// The "Test your code against evalrun's sandbox" example from README.md, kept runnable.
import { createDatalabClient, request } from '@evalrun/datalab'
import { type Sandbox, startSandbox } from '@evalrun/sandbox'
import { afterAll, beforeAll, expect, it } from 'vitest'

let sb: Sandbox
beforeAll(async () => {
  sb = await startSandbox({ seed: 42, clock: 'manual' })
})
afterAll(() => sb.close())

it('follows a batch run to completion', async () => {
  const datalab = createDatalabClient(sb.clientOptions.datalab)
  const collection = sb.catalog.datalab.collections[0]!
  const run = await request(datalab, 'POST', '/api/v1/eval_batch_runs', {
    body: { collection_id: collection.id, eval_rubric_id: sb.catalog.datalab.rubrics[0]!.id },
  })
  expect(run.status).toBe('processing')

  sb.clock.advance(60_000) // no sleeping: the manual clock makes the test exact and instant

  const done = await request(datalab, 'GET', '/api/v1/eval_batch_runs/{run_id}', {
    params: { path: { run_id: run.id } },
  })
  expect(done.completed_files).toBe(collection.fileCount)
  expect(['completed', 'completed_with_errors']).toContain(done.status)
})
