import { rngFor } from './prng.js'
import { FAULT_KINDS, type FaultKind, type FaultOptions, SANDBOX_VENDORS } from './types.js'

export interface ResolvedFaults {
  rate: number
  kinds: readonly FaultKind[]
  vendors: ReadonlySet<string>
  seed: number
  latencyMs: number
  retryAfterSeconds: number
}

export function resolveFaults(options: FaultOptions, sandboxSeed: number): ResolvedFaults {
  if (!(Number.isFinite(options.rate) && options.rate >= 0 && options.rate <= 1)) {
    throw new RangeError(`faults.rate must be between 0 and 1, got ${options.rate}`)
  }
  const kinds = options.kinds ?? FAULT_KINDS
  for (const kind of kinds) {
    if (!FAULT_KINDS.includes(kind)) throw new RangeError(`unknown fault kind ${JSON.stringify(kind)}`)
  }
  if (kinds.length === 0) throw new RangeError('faults.kinds must not be empty')
  return {
    rate: options.rate,
    kinds,
    vendors: new Set(options.vendors ?? SANDBOX_VENDORS),
    seed: options.seed ?? sandboxSeed,
    latencyMs: options.latencyMs ?? 2_000,
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
  }
}

/**
 * Decides which requests get a fault. The n-th request to a vendor draws from its own seeded stream
 * (seed, vendor, n), so the sequence per vendor is the same on every run whatever the other vendors do.
 * `set` restarts the sequences.
 */
export class FaultPlan {
  private faults: ResolvedFaults | null = null
  private readonly counters = new Map<string, number>()
  injected = 0

  constructor(private readonly sandboxSeed: number) {}

  set(options: FaultOptions | null | undefined): void {
    this.faults = options ? resolveFaults(options, this.sandboxSeed) : null
    this.counters.clear()
  }

  get current(): ResolvedFaults | null {
    return this.faults
  }

  /** The fault for the next request to `vendor`, or null. */
  draw(vendor: string): FaultKind | null {
    const faults = this.faults
    if (!faults?.vendors.has(vendor) || faults.rate === 0) return null
    const n = this.counters.get(vendor) ?? 0
    this.counters.set(vendor, n + 1)
    const random = rngFor(faults.seed, 'fault', vendor, n)
    if (!random.chance(faults.rate)) return null
    this.injected++
    return random.pick(faults.kinds)
  }
}
