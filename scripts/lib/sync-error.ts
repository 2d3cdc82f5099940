/**
 * A failure `specs:sync` reports as one line naming the vendor and where the spec came from.
 * Anything thrown as a SyncError means nothing was written.
 */
export class SyncError extends Error {
  constructor(
    readonly vendor: string,
    readonly origin: string,
    reason: string,
  ) {
    super(`${vendor}: ${reason} (${origin})`)
    this.name = 'SyncError'
  }
}
