import { describe, expect, it } from 'vitest'
import { syncVendor } from '../lib/spec-sync.js'
import { listVendorSpecs } from '../lib/vendors.js'

// The vendored specs are kept in the form `specs:sync` writes (filtered, key order normalised), so a sync from an
// upstream with the same content reports "unchanged" instead of a formatting-only diff.
describe.each(listVendorSpecs().map((spec) => [spec.vendor, spec] as const))('specs/%s', (_, spec) => {
  it('is in the normal form specs:sync writes, and tracks every operation it holds', async () => {
    const result = await syncVendor(spec, { from: spec.specPath, check: true })
    expect(result.status).toBe('unchanged')
    expect(result.untracked).toEqual([])
  })
})
