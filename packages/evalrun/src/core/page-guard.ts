export type { ListingWarn } from './paginate.js'
