import type { RunStatus } from './model.js'

/** A status mapper's answer: the unified status beside the vendor's word, and what could not be mapped. */
export interface MappedStatus {
  status: RunStatus
  vendorStatus: string | null
  warnings: string[]
}
