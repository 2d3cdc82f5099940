import { describe, expect, it } from 'vitest'
import { sortSpecKeys } from '../lib/spec-normalise.js'

describe('sortSpecKeys', () => {
  it('orders fixed fields the OpenAPI way, map keys alphabetically, and never reorders arrays', () => {
    const sorted = sortSpecKeys({
      components: {
        schemas: { b: { type: 'object', properties: { z: {}, a: {}, type: { type: 'string' } } }, a: {} },
      },
      paths: { '/z': {}, '/a': { get: { responses: { '404': {}, '200': {} }, operationId: 'x' } } },
      info: { version: '1', title: 't' },
      openapi: '3.1.0',
      tags: [{ name: 'z' }, { name: 'a' }],
      // biome-ignore lint/suspicious/noExplicitAny: the result is read at fixed, known paths
    }) as Record<string, any>
    expect(Object.keys(sorted)).toEqual(['openapi', 'info', 'tags', 'paths', 'components'])
    expect(Object.keys(sorted.info)).toEqual(['title', 'version'])
    expect(Object.keys(sorted.paths)).toEqual(['/a', '/z'])
    expect(Object.keys(sorted.paths['/a'].get)).toEqual(['operationId', 'responses'])
    expect(Object.keys(sorted.paths['/a'].get.responses)).toEqual(['200', '404'])
    expect(Object.keys(sorted.components.schemas)).toEqual(['a', 'b'])
    // A property called "type" is a map key like any other, not the schema's `type` field.
    expect(Object.keys(sorted.components.schemas.b.properties)).toEqual(['a', 'type', 'z'])
    expect(sorted.tags).toEqual([{ name: 'z' }, { name: 'a' }])
  })
})
