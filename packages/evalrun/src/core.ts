// `evalrun/core`: the client, the model and the errors, with no vendor. Pair it with the vendors you use
// (`evalrun/datalab`, …) so that a bundle carries only those: `createEvalrun({ vendors: [datalab] })`. It also
// holds what a vendor written outside this package needs (see docs/writing-a-vendor.md).
export * from './common-exports.js'
export type {
  AdapterCatalogQuery,
  AdapterListQuery,
  AnyEvalrunAdapter,
  EvalrunAdapter,
} from './core/adapter.js'
export { createEvalrunWith as createEvalrun } from './core/create-evalrun.js'
export { finishItem, type ItemInput, type JudgementInput } from './core/finish-item.js'
export { finishRun, type MetricInput, type UnfinishedRun } from './core/finish-run.js'
export {
  cursorPaging,
  type ListField,
  type Listing,
  type ListingWarn,
  listIn,
  numberedPaging,
  offsetPaging,
  onePage,
  type PageStep,
  type Paging,
  paginate,
} from './core/paginate.js'
// What a vendor description declares beyond its credentials (OpenAI's Azure key and endpoint): for vendor writers.
export type { CredentialAlternative, VendorSetting } from './core/vendor.js'
