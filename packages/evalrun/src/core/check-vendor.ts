import type { AnyEvalrunAdapter } from './adapter.js'
import { EvalrunInvalidInputError } from './errors.js'
import type { EvalrunVendor } from './vendor.js'

/** Checked at run time too: vendors may come from plain JavaScript, or from a package built for another version. */
export function checkVendor(value: unknown, index: number): asserts value is EvalrunVendor {
  const candidate = value as Partial<EvalrunVendor> | null | undefined
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof candidate.id !== 'string' ||
    candidate.id === '' ||
    candidate.id.includes(':') ||
    typeof candidate.displayName !== 'string' ||
    !Array.isArray(candidate.credentials) ||
    typeof candidate.createAdapter !== 'function'
  ) {
    throw new EvalrunInvalidInputError({
      field: `vendors[${index}]`,
      value,
      expected: 'an EvalrunVendor (an id without `:`, a displayName, credentials and createAdapter)',
    })
  }
}

/** The adapter a vendor creates must speak a version of the interface this core knows, for that vendor. */
export function checkAdapter(value: unknown, vendor: EvalrunVendor): AnyEvalrunAdapter {
  const candidate = value as { specificationVersion?: unknown; vendor?: unknown } | null | undefined
  const version = candidate?.specificationVersion
  if ((version !== 'v1' && version !== 'v2') || candidate?.vendor !== vendor.id) {
    throw new EvalrunInvalidInputError({
      field: `${vendor.id}.createAdapter()`,
      value,
      expected: `an EvalrunAdapter with specificationVersion 'v2' (or 'v1') and vendor '${vendor.id}'`,
    })
  }
  return value as AnyEvalrunAdapter
}
