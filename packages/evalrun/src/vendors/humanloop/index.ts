import type { Env } from '@evalrun/http'
import { readEnv } from '@evalrun/http/internal'
import { createHumanloopClient, humanloopVendor } from '@evalrun/humanloop'
import { EvalrunInvalidInputError } from '../../core/errors.js'
import { credentialsOf, type EvalrunVendor, type VendorOptions } from '../../core/vendor.js'
import { createHumanloopAdapter } from './adapter.js'
import type { HumanloopRawItem, HumanloopRawRun, HumanloopStartInput } from './types.js'

export type { HumanloopFileRef, HumanloopRawItem, HumanloopRawRun, HumanloopStartInput } from './types.js'

export interface HumanloopOptions extends VendorOptions {
  /** Files whose evaluations `runs.list` reads (Humanloop lists evaluations per file). Default HUMANLOOP_FILE_IDS. */
  fileIds?: readonly string[]
}

/** Humanloop evaluations and their runs. Its platform was sunset in 2025; kept for teams with data there. */
export const humanloop: EvalrunVendor = {
  id: 'humanloop',
  displayName: humanloopVendor.displayName,
  color: '#aa4499',
  credentials: credentialsOf(humanloopVendor.auth),
  settingsEnv: [humanloopVendor.baseUrlEnv, 'HUMANLOOP_FILE_IDS'],
  refForm: 'humanloop:<evaluationId>/<runId>',
  suiteRefForm: 'humanloop:<evaluationId>',
  itemsAre: 'logs',
  createAdapter: (options, env) => {
    const { fileIds, ...http } = options as HumanloopOptions
    return createHumanloopAdapter(createHumanloopClient(http), { fileIds: resolveFileIds(fileIds, env) })
  },
  scoreScale: 'never',
  canCancel: true,
  startFlags: [
    {
      flag: '--evaluation <id>',
      description: 'evaluation to add a run to',
      kind: 'string',
      field: 'evaluationId',
      required: true,
    },
    {
      flag: '--dataset-version <id>',
      description: 'dataset version id',
      kind: 'string',
      field: 'dataset.versionId',
    },
    {
      flag: '--version-id <id>',
      description: 'version id of the prompt/tool/flow to evaluate',
      kind: 'string',
      field: 'version.versionId',
    },
    {
      flag: '--no-orchestrated',
      description: 'you will add the logs yourself',
      kind: 'false',
      field: 'orchestrated',
    },
    {
      flag: '--use-existing-logs',
      description: 'reuse logs that match',
      kind: 'true',
      field: 'useExistingLogs',
    },
  ],
  examples: ['runs start humanloop --evaluation evr_123 --dataset-version dsv_1 --version-id prv_9'],
}

function resolveFileIds(fileIds: readonly string[] | undefined, env: Env | undefined): string[] {
  if (fileIds === undefined) {
    const fromEnv = readEnv('HUMANLOOP_FILE_IDS', env)
    return fromEnv === undefined
      ? []
      : fromEnv
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== '')
  }
  if (!Array.isArray(fileIds) || fileIds.some((id) => typeof id !== 'string' || id.trim() === '')) {
    throw new EvalrunInvalidInputError({
      field: 'humanloop.fileIds',
      value: fileIds,
      expected: 'an array of Humanloop file ids (non-empty strings)',
    })
  }
  return fileIds.map((id) => id.trim())
}

// Registers Humanloop's types with the core: importing this module adds 'humanloop' to `Vendor`, so that checking
// `run.vendor === 'humanloop'` narrows `run.raw`.
declare module '../../core/vendor-types.js' {
  interface RawRuns {
    humanloop: HumanloopRawRun
  }
  interface RawItems {
    humanloop: HumanloopRawItem
  }
  interface StartInputs {
    humanloop: HumanloopStartInput
  }
  interface VendorOptionsByVendor {
    humanloop: HumanloopOptions
  }
}
