/** mulberry32: a tiny, fast, seedable PRNG. Good enough for fake data; not for anything secret. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a over the parts, so any tuple (seed, vendor, run id, item) names its own independent random stream. */
export function hashKey(...parts: Array<string | number>): number {
  let hash = 0x811c9dc5
  for (const part of parts) {
    const text = `${part}\u0000`
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i)
      hash = Math.imul(hash, 0x01000193)
    }
  }
  return hash >>> 0
}

/** A random stream for one tuple of keys: the same keys always give the same numbers. */
export function rngFor(...parts: Array<string | number>): Random {
  return new Random(mulberry32(hashKey(...parts)))
}

export class Random {
  constructor(private readonly next: () => number) {}

  float(): number {
    return this.next()
  }

  /** Integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  /** Roughly normal (sum of uniforms), clamped to [0, 1]. */
  unitAround(mean: number, spread: number): number {
    const noise = (this.next() + this.next() + this.next() - 1.5) / 1.5
    return Math.min(1, Math.max(0, mean + noise * spread))
  }

  hex(length: number): string {
    let out = ''
    while (out.length < length) out += Math.floor(this.next() * 16).toString(16)
    return out
  }
}
