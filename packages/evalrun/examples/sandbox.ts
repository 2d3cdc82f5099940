// The README's sandbox example. From the monorepo root: pnpm exec tsx packages/evalrun/examples/sandbox.ts
import { startSandbox } from '@evalrun/sandbox'
import { createEvalrun } from 'evalrun'

const sandbox = await startSandbox({ port: 0, seed: 1, clock: { speed: 600 } }) // 10 sandbox minutes per second
try {
  // The sandbox's env (DATALAB_API_KEY, …, HUMANLOOP_FILE_IDS), as a deployed app would read its own.
  const evalrun = createEvalrun({ env: sandbox.env })
  const { datalab, promptlayer, humanloop } = sandbox.catalog
  const started = await Promise.all([
    evalrun.runs.start({
      vendor: 'datalab',
      collectionId: datalab.collections[0]!.id,
      rubricId: datalab.rubrics[0]!.id,
    }),
    evalrun.runs.start({ vendor: 'promptlayer', pipelineId: promptlayer.pipelines[0]!.id, name: 'example' }),
    evalrun.runs.start({
      vendor: 'humanloop',
      evaluationId: humanloop.evaluations[0]!.id,
      dataset: { versionId: humanloop.datasets[0]!.versionId },
      version: { versionId: humanloop.versions[0]!.versionId },
    }),
  ])
  for (const run of await Promise.all(started.map((r) => evalrun.runs.wait(r, { timeoutMs: 60_000 })))) {
    console.log(run.ref, run.status, run.score, run.metrics.map((m) => `${m.name}=${m.value}`).join(' '))
  }
  const perVendor: Record<string, number> = {}
  for await (const run of evalrun.runs.list({ status: 'completed' })) {
    perVendor[run.vendor] = (perVendor[run.vendor] ?? 0) + 1
  }
  console.log('completed runs per vendor:', perVendor)
} finally {
  await sandbox.close()
}
