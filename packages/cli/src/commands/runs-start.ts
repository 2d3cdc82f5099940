import { readFileSync } from 'node:fs'
import type { StartRunInput } from 'evalrun'
import type { CommandContext } from '../context.js'
import { CliError, ExitCode } from '../exit-codes.js'
import { jsonLine } from '../output/write-json-line.js'
import { parsePositiveInt } from '../parse-values.js'
import { type RunsWaitFlags, runsWait } from './runs-wait.js'

export interface RunsStartFlags extends RunsWaitFlags {
  // datalab
  collection?: string
  rubric?: string
  pipelineType?: string
  pipelineId?: string
  pageSchema?: string
  segmentationSchema?: string
  outputFormat?: string
  // promptlayer
  pipeline?: string
  name?: string
  dataset?: string
  refreshDataset?: boolean
  // humanloop
  evaluation?: string
  datasetVersion?: string
  versionId?: string
  orchestrated?: boolean
  useExistingLogs?: boolean
  wait?: boolean
}

export async function runsStart(
  ctx: CommandContext,
  vendor: string,
  flags: RunsStartFlags,
): Promise<ExitCode> {
  const input = startInput(vendor, flags)
  const run = await ctx.evalrun().runs.start(input)
  ctx.io.stdout.write(flags.json ? jsonLine(run) : `started ${run.ref} (${run.status})\n`)
  if (!flags.wait) return ExitCode.ok
  return runsWait(ctx, [run.ref], flags)
}

/** Flags → the facade's start input. The facade checks the vendor rules (e.g. extract needs a page schema). */
function startInput(vendor: string, flags: RunsStartFlags): StartRunInput {
  switch (vendor) {
    case 'datalab':
      return {
        vendor: 'datalab',
        collectionId: parsePositiveInt(required(flags.collection, '--collection', vendor), '--collection'),
        ...(flags.rubric ? { rubricId: parsePositiveInt(flags.rubric, '--rubric') } : {}),
        ...(flags.pipelineType
          ? { pipelineType: flags.pipelineType as 'convert' | 'extract' | 'segment' }
          : {}),
        ...(flags.pipelineId ? { pipelineId: flags.pipelineId } : {}),
        ...(flags.pageSchema ? { pageSchema: readJsonFile(flags.pageSchema, '--page-schema') } : {}),
        ...(flags.segmentationSchema
          ? { segmentationSchema: readJsonFile(flags.segmentationSchema, '--segmentation-schema') }
          : {}),
        ...(flags.outputFormat ? { outputFormat: flags.outputFormat } : {}),
      }
    case 'promptlayer':
      return {
        vendor: 'promptlayer',
        pipelineId: parsePositiveInt(required(flags.pipeline, '--pipeline', vendor), '--pipeline'),
        name: required(flags.name, '--name', vendor),
        ...(flags.dataset ? { datasetId: parsePositiveInt(flags.dataset, '--dataset') } : {}),
        ...(flags.refreshDataset ? { refreshDataset: true } : {}),
      }
    case 'humanloop':
      return {
        vendor: 'humanloop',
        evaluationId: required(flags.evaluation, '--evaluation', vendor),
        ...(flags.datasetVersion ? { dataset: { versionId: flags.datasetVersion } } : {}),
        ...(flags.versionId ? { version: { versionId: flags.versionId } } : {}),
        ...(flags.orchestrated === false ? { orchestrated: false } : {}),
        ...(flags.useExistingLogs ? { useExistingLogs: true } : {}),
      }
    default:
      throw new CliError(
        `unknown vendor ${JSON.stringify(vendor)}: expected datalab, promptlayer or humanloop.`,
        ExitCode.usage,
      )
  }
}

function required(value: string | undefined, flag: string, vendor: string): string {
  if (value === undefined || value.trim() === '') {
    throw new CliError(`runs start ${vendor} needs ${flag}.`, ExitCode.usage)
  }
  return value
}

function readJsonFile(path: string, flag: string): Record<string, unknown> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new CliError(`${flag} ${path}: cannot read the file (${(error as Error).message}).`, ExitCode.usage)
  }
  try {
    return JSON.parse(text) as Record<string, unknown>
  } catch {
    throw new CliError(
      `${flag} ${path}: expected a JSON schema file, but it is not valid JSON.`,
      ExitCode.usage,
    )
  }
}
