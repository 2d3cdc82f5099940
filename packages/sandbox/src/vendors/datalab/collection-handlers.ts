import type { CollectionFileList } from '@evalrun/datalab'
import type { VendorResponse } from '../../http/vendor-app.js'
import type { DatalabCollection, DatalabModel } from './model.js'
import { type DatalabRequest, datalabErrors, int, invalid, ok } from './operation.js'
import { collectionView, fileView } from './views.js'

const collectionNotFound = () => datalabErrors.notFound('Collection not found')

export function createCollection(
  model: DatalabModel,
  { body, nowMs }: DatalabRequest<'create_collection_api_v1_collections_post'>,
): VendorResponse {
  const collection: DatalabCollection = {
    id: model.nextId(model.collections),
    name: body.name,
    description: body.description ?? null,
    createdMs: nowMs,
    updatedMs: nowMs,
    files: [],
  }
  model.collections.set(collection.id, collection)
  return ok(collectionView(model, collection, true))
}

export function addFilesToCollection(
  model: DatalabModel,
  {
    params,
    body,
    nowMs,
  }: DatalabRequest<'add_files_to_collection_api_v1_collections__collection_id__files_post'>,
): VendorResponse {
  const collection = model.collections.get(int(params.collection_id))
  if (!collection) return collectionNotFound()
  const linked = new Set(collection.files.map((file) => file.uploaded_file_id))
  for (const fileId of body.uploaded_file_ids) {
    if (linked.has(fileId)) continue
    linked.add(fileId)
    collection.files.push(model.newFile(`upload-${fileId}.pdf`, collection.files.length, 250_000, fileId))
  }
  collection.updatedMs = nowMs
  return ok(collectionView(model, collection, true))
}

// Cursor = the opaque base64 of the next offset; files keep their `sort_order` order.
export function listCollectionFiles(
  model: DatalabModel,
  { params, query }: DatalabRequest<'list_collection_files_api_v1_collections__collection_id__files_get'>,
): VendorResponse {
  const collection = model.collections.get(int(params.collection_id))
  if (!collection) return collectionNotFound()
  const limit = int(query.limit ?? 50)
  let offset = 0
  if (query.cursor != null && query.cursor !== '') {
    offset = decodeCursor(String(query.cursor))
    if (Number.isNaN(offset))
      return invalid({ loc: ['query', 'cursor'], msg: 'Invalid cursor', type: 'value_error' })
  }
  const files = collection.files
    .slice(offset, offset + limit)
    .map((file) => fileView(model, collection, file))
  const next = offset + limit < collection.files.length ? encodeCursor(offset + limit) : null
  return ok({ files, total: collection.files.length, next_cursor: next } satisfies CollectionFileList)
}

const encodeCursor = (offset: number): string => Buffer.from(`o:${offset}`).toString('base64url')

function decodeCursor(cursor: string): number {
  const match = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  return match ? Number(match[1]) : Number.NaN
}
