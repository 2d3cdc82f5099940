import { describe, expect, it } from 'vitest'
import { BUILT_IN_VENDORS } from '../../packages/evalrun/src/vendors/index.js'
import { measureVendorSpread, stripComments } from '../vendor-spread.js'

describe('vendor spread: a vendor is named in few files outside its own folders', () => {
  const spread = measureVendorSpread(BUILT_IN_VENDORS.map((vendor) => vendor.id))

  it('at most 5 files per vendor', () => {
    for (const { vendor, files } of spread)
      expect(files.length, `${vendor}: ${files.join(', ')}`).toBeLessThanOrEqual(5)
  })

  it('counts the vendor lists themselves, so the measure is not blind', () => {
    for (const { files } of spread) {
      expect(files).toContain('packages/evalrun/src/vendors/index.ts')
      expect(files).toContain('packages/sandbox/src/vendors/index.ts')
    }
  })

  it('counts code, not comments', () => {
    expect(stripComments("// acme\n/* acme */ const url = 'https://acme.dev'")).toBe(
      "\n const url = 'https://acme.dev'",
    )
  })
})
