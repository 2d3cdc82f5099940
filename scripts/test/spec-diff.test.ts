import { describe, expect, it } from 'vitest'
import { bumpFor, compareSpecs } from '../lib/spec-diff.js'

const p = (path: string) => path.split('.')

describe('bumpFor', () => {
  it('applies the documented rules', () => {
    expect(bumpFor({ type: 'annotation', action: 'replace' }, p('paths./a.get.description'))).toBe('patch')
    expect(bumpFor({ type: 'breaking', action: 'remove' }, p('paths./a.get'))).toBe('major')
    expect(bumpFor({ type: 'unclassified', action: 'replace' }, p('paths./a.get.x'))).toBe('major')
    expect(bumpFor({ type: 'deprecated', action: 'add' }, p('paths./a.get.deprecated'))).toBe('minor')
    expect(bumpFor({ type: 'non-breaking', action: 'add' }, p('paths./a.get'))).toBe('minor')
    // api-smart-diff calls these non-breaking for a response; typed consumers see a narrower or different type.
    expect(
      bumpFor(
        { type: 'non-breaking', action: 'remove' },
        p('paths./a.get.responses.200.content.j.schema.enum.2'),
      ),
    ).toBe('major')
    expect(
      bumpFor(
        { type: 'non-breaking', action: 'remove' },
        p('paths./a.get.responses.200.content.j.schema.properties.x'),
      ),
    ).toBe('major')
    expect(
      bumpFor(
        { type: 'non-breaking', action: 'replace' },
        p('paths./a.get.responses.200.content.j.schema.type'),
      ),
    ).toBe('major')
    expect(bumpFor({ type: 'non-breaking', action: 'remove' }, p('components.schemas.Old'))).toBe('major')
    expect(bumpFor({ type: 'non-breaking', action: 'add' }, p('components.schemas.New'))).toBe('minor')
  })
})

describe('compareSpecs', () => {
  const spec = (type: unknown) => ({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/a': {
        post: {
          requestBody: {
            content: { 'application/json': { schema: { type: 'object', properties: { n: { type } } } } },
          },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
  })
  it('calls a narrowed request type major and a widened one minor', () => {
    expect(compareSpecs(spec(['integer', 'null']), spec('integer')).bump).toBe('major')
    expect(compareSpecs(spec('integer'), spec(['integer', 'null'])).bump).toBe('minor')
  })
  it('calls identical documents a patch with no changes', () => {
    expect(compareSpecs(spec('integer'), spec('integer'))).toEqual({ bump: 'patch', changes: [] })
  })
})
