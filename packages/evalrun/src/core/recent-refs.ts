/**
 * Remembers the last `capacity` refs seen, so that a listing can drop repeats in constant memory. Repeats come
 * from offset pagination: runs created while a listing pages push earlier runs onto the next page.
 */
export class RecentRefs {
  private readonly refs = new Set<string>()
  private readonly order: string[] = []
  private next = 0

  constructor(private readonly capacity: number) {}

  /** True the first time `ref` is seen (within the window), false for a repeat. */
  add(ref: string): boolean {
    if (this.refs.has(ref)) return false
    if (this.order.length < this.capacity) {
      this.order.push(ref)
    } else {
      this.refs.delete(this.order[this.next] as string)
      this.order[this.next] = ref
      this.next = (this.next + 1) % this.capacity
    }
    this.refs.add(ref)
    return true
  }
}
